package io.kv4j.cli;

import static io.kv4j.cli.Cli.kv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kv tck} and {@code kv bench}, as far as they are the command's own. */
class SuiteCommandsTest {

    @Test
    void tck_onASharedMemoryStore_passesEveryClauseAndWritesReports(@TempDir Path reports) {
        Cli run = kv("tck", "--url", "kv:memory:kit", "--report", reports.toString());
        assertEquals(0, run.exitCode, run::toString);
        assertTrue(run.out.contains("kv-tck: PASSED on kv:memory:kit"), run::toString);
        assertTrue(Files.exists(reports.resolve("kv-tck.json")), "JSON report");
        assertTrue(Files.exists(reports.resolve("TEST-kv-tck.xml")), "JUnit XML report");
        assertTrue(run.out.contains(" (1 test)") && !run.out.contains("(1 tests)"),
                "a clause of one test says so in the singular\n" + run.out);
    }

    @Test
    void tck_onAPrivateMemoryStore_passesButSaysWhatWentUntested() {
        Cli run = kv("tck", "--url", "kv:memory:");
        assertEquals(3, run.exitCode, run::toString);
        assertTrue(run.out.contains("kv-tck: PASSED WITH UNTESTED MUST CLAUSES on kv:memory:"),
                run::toString);
    }

    @Test
    void tck_withAFixtureThatIsNotOnTheClassPath_saysWhereItShips() {
        Cli run = kv("tck", "--fixture", "postgres-embedded");
        assertEquals(2, run.exitCode, run::toString);
        assertTrue(run.out.contains("kv-tck-postgres"), run::toString);
    }

    @Test
    void tck_withoutAProviderForTheUrl_isMisconfiguredAndHidesThePassword() {
        Cli run = kv("tck", "--url", "kv:nope://u:hunter2@db/x");
        assertEquals(2, run.exitCode, run::toString);
        assertFalse(run.out.contains("hunter2") || run.err.contains("hunter2"), run::toString);
    }

    @Test
    void bench_withoutTheBenchmarksOnTheClassPath_saysHowToRunThem() {
        Cli run = kv("bench", "--quick");
        assertEquals(1, run.exitCode, run::toString);
        assertTrue(run.err.contains("./kv bench"), run::toString);
    }

    @Test
    void help_listsEveryCommand() {
        Cli run = kv("--help");
        for (String command : new String[] {"shell", "get", "set", "delete", "has", "list",
            "functions", "export", "import", "drop", "tck", "bench", "help"}) {
            assertTrue(run.out.contains("\n  " + command + " "), command);
        }
    }
}
