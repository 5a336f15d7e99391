package io.kv4j.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memory backend against the whole kit, as {@code kv tck --url kv:memory: --report DIR}
 * runs it: the exact number of tests, so that no test drops out silently, and the reports.
 */
class MemoryPassesTheKitTest {

    /** Every kit test; a test added or lost changes this on purpose. */
    private static final int TESTS = 122;
    /**
     * Skipped on kv:memory:: KV-5.8 (advice), KV-9.2 (x2) to KV-9.5 (not durable), and, as its
     * stores are private, one part each of KV-2.7, KV-5.12 and KV-7.11 (twice: another store,
     * another process).
     */
    private static final int SKIPPED = 10;

    @Test
    void memoryPassesEveryMustClause(@TempDir Path reports) throws IOException {
        KitRuns.Run run = KitRuns.run("kv:memory:", reports, Map.of(Tck.WORKLOAD_REQUESTS, "100",
                Tck.FIXTURE, "none"));
        Verdicts v = run.result().verdicts();
        assertEquals(Set.of(), run.clauses(Verdicts.Status.FAIL), "failed clauses\n" + run.output());
        assertEquals(Tck.PASSED, run.result().exitCode(), run.output());
        assertEquals(Set.of("KV-5.8", "KV-9.2", "KV-9.3", "KV-9.4", "KV-9.5"),
                run.clauses(Verdicts.Status.SKIPPED), "skipped clauses");
        for (String clause : List.of("KV-9.2", "KV-9.3", "KV-9.4", "KV-9.5")) {
            assertEquals(Kv09DurabilityTest.NON_DURABLE, reason(v, clause),
                    clause + " is skipped with the reason the SPEC gives");
        }
        assertEquals(Set.of(), run.clauses(Verdicts.Status.MISSING), "clauses without a test");
        assertEquals(TESTS, v.passed() + v.failed() + v.skipped(), "tests that ran\n" + run.output());
        assertEquals(SKIPPED, v.skipped(), "tests skipped\n" + run.output());
        assertTrue(run.output().contains("note: the store declares PRIVATE_TO_STORE"),
                "the runner says how it ran a backend whose stores are private");
        String json = Files.readString(reports.resolve(Reports.JSON), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"passed\": " + v.passed()), json);
        String md = Files.readString(reports.resolve(Reports.MARKDOWN), StandardCharsets.UTF_8);
        assertTrue(md.contains("| KV-1.1 | MUST | PASS |"), md);
        String xml = Files.readString(reports.resolve(Reports.XML), StandardCharsets.UTF_8);
        assertTrue(xml.contains("<testsuites name=\"kv-tck\" tests=\"" + TESTS + "\""), xml);
    }

    private static String reason(Verdicts v, String clause) {
        return v.verdicts().stream().filter(c -> c.clause().equals(clause)).findFirst()
                .map(Verdicts.Verdict::reason).orElse(null);
    }
}
