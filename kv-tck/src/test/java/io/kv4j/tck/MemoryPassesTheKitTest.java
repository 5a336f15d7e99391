package io.kv4j.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.KvStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memory backend against the whole kit, as {@code kv tck --url URL --report DIR} runs it:
 * the exact number of tests, so that no test drops out silently, the verdict, the reports, and
 * the data the run leaves behind (none).
 */
class MemoryPassesTheKitTest {

    /** Every kit test; a test added or lost changes this on purpose. */
    private static final int TESTS = 185;
    /**
     * Skipped on kv:memory:NAME: KV-5.8 (advice), KV-9.2 (x2) to KV-9.5 (not durable), the
     * other process of KV-7.11 (not shared across processes), and the secret options of KV-11.8
     * (the memory backend declares none).
     */
    private static final int SKIPPED_SHARED = 8;
    /**
     * Skipped on kv:memory: as well, as its stores are private: one part each of KV-2.7, KV-5.12
     * and KV-7.11 (another store).
     */
    private static final int SKIPPED_PRIVATE = SKIPPED_SHARED + 3;
    private static final Map<String, String> PARAMETERS = Map.of(Tck.WORKLOAD_REQUESTS, "100",
            Tck.FIXTURE, "none");

    @Test
    void aSharedMemoryStorePassesCleanAndTheRunDeletesWhatItWrote(@TempDir Path reports)
            throws IOException {
        String url = "kv:memory:tck-self-test-" + UUID.randomUUID();
        try (KvStore holder = KvStore.open(url)) {
            KitRuns.Run run = KitRuns.run(url, reports, PARAMETERS);
            Verdicts v = run.result().verdicts();
            assertEquals(Set.of(), run.clauses(Verdicts.Status.FAIL), "failed clauses\n" + run.output());
            assertEquals(Tck.PASSED, run.result().exitCode(), run.output());
            assertEquals(Set.of("KV-9.2", "KV-9.3", "KV-9.4", "KV-9.5"),
                    run.clauses(Verdicts.Status.SKIPPED), "clauses that do not apply");
            for (String clause : List.of("KV-9.2", "KV-9.3", "KV-9.4", "KV-9.5")) {
                assertEquals(Kv09DurabilityTest.NON_DURABLE, reason(v, clause),
                        clause + " is skipped with the reason the SPEC gives");
            }
            assertEquals(Set.of("KV-5.8"), run.clauses(Verdicts.Status.UNTESTED),
                    "untested clauses: only the SHOULD clause that is advice to users");
            assertEquals(List.of(), v.untestedMustClauses(), "untested MUST clauses");
            assertEquals(Set.of(), run.clauses(Verdicts.Status.MISSING), "clauses without a test");
            assertEquals(TESTS, v.passed() + v.failed() + v.skipped(), "tests that ran\n" + run.output());
            assertEquals(SKIPPED_SHARED, v.skipped(), "tests skipped\n" + run.output());
            assertTrue(run.output().contains("kv-tck: PASSED on " + url + " in "), run.output());
            assertEquals(List.of(), holder.functions(), "functions the run left behind\n"
                    + run.output());
            assertTrue(run.output().contains("kv-tck: deleted the run's data: "), run.output());
            String json = Files.readString(reports.resolve(Reports.JSON), StandardCharsets.UTF_8);
            assertTrue(json.contains("\"passed\": " + v.passed()), json);
            assertTrue(json.contains("\"result\": \"PASSED\""), json);
            String md = Files.readString(reports.resolve(Reports.MARKDOWN), StandardCharsets.UTF_8);
            assertTrue(md.contains("| KV-1.1 | MUST | PASS |"), md);
            String xml = Files.readString(reports.resolve(Reports.XML), StandardCharsets.UTF_8);
            assertTrue(xml.contains("<testsuites name=\"kv-tck\" tests=\"" + TESTS + "\""), xml);
        }
    }

    @Test
    void kvMemoryPassesButSaysWhichMustClausesWentUntested(@TempDir Path reports)
            throws IOException {
        KitRuns.Run run = KitRuns.run("kv:memory:", reports, PARAMETERS);
        Verdicts v = run.result().verdicts();
        assertEquals(Set.of(), run.clauses(Verdicts.Status.FAIL), "failed clauses\n" + run.output());
        assertEquals(Tck.UNTESTED, run.result().exitCode(), run.output());
        assertEquals(List.of("KV-2.7 (part)", "KV-5.12 (part)", "KV-7.11 (part)"),
                v.untestedMustClauses(), "the parts that need two stores on one storage");
        assertTrue(run.output().contains("kv-tck: PASSED WITH UNTESTED MUST CLAUSES on kv:memory: in "),
                run.output());
        assertTrue(run.output().contains("untested KV-2.7 (part), KV-5.12 (part), KV-7.11 (part)"),
                "the verdict line lists them\n" + run.output());
        assertTrue(run.output().contains("note: the store declares PRIVATE_TO_STORE"),
                "the runner says how it ran a backend whose stores are private");
        assertEquals(TESTS, v.passed() + v.failed() + v.skipped(), "tests that ran\n" + run.output());
        assertEquals(SKIPPED_PRIVATE, v.skipped(), "tests skipped\n" + run.output());
        String md = Files.readString(reports.resolve(Reports.MARKDOWN), StandardCharsets.UTF_8);
        assertTrue(md.contains("PASSED WITH UNTESTED MUST CLAUSES, every MUST clause that ran "
                + "passed, but these went untested: KV-2.7 (part), KV-5.12 (part), KV-7.11 (part)"),
                md);
        String json = Files.readString(reports.resolve(Reports.JSON), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"untestedMustClauses\": [\"KV-2.7 (part)\", \"KV-5.12 (part)\", "
                + "\"KV-7.11 (part)\"]"), json);
    }

    private static String reason(Verdicts v, String clause) {
        return v.verdicts().stream().filter(c -> c.clause().equals(clause)).findFirst()
                .map(Verdicts.Verdict::reason).orElse(null);
    }
}
