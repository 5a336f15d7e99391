package io.kv4j.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.tck.broken.DurableFixture;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The durability chapter, which memory skips, run through a fixture that offers every hook. */
class DurabilityFixtureTest {

    private static Map<String, String> with(Class<?> fixture) {
        Map<String, String> p = new HashMap<>(KitRuns.QUICK);
        p.put(Tck.FIXTURE, fixture.getName());
        return p;
    }

    @Test
    void aDurableFixtureRunsTheDurabilityTests() {
        KitRuns.Run run = KitRuns.run(null, null, with(DurableFixture.class));
        Set<String> passed = run.clauses(Verdicts.Status.PASS);
        assertTrue(passed.containsAll(Set.of("KV-9.1", "KV-9.2", "KV-9.3", "KV-9.4")),
                "KV-9.1 to KV-9.4 pass through the fixture's hooks\n" + run.output());
        // the fixture's backend does not declare RESOLVES_LOST_COMMITS
        assertEquals(Set.of("KV-9.5"), run.clauses(Verdicts.Status.SKIPPED), run.output());
        assertEquals(Set.of(), run.clauses(Verdicts.Status.FAIL), run.output());
        // without child JVMs, the killed application of KV-9.2 and the variable of KV-11.9
        assertEquals(java.util.List.of("KV-9.2 (part)", "KV-11.9 (part)"),
                run.result().verdicts().untestedMustClauses(), run.output());
        assertEquals(Tck.UNTESTED, run.result().exitCode(), run.output());
        assertTrue(run.output().contains("fixture: " + DurableFixture.class.getName()
                + " (durable)"), run.output());
    }

    @Test
    void aStorageThatForgetsOnRestartFailsKv92() {
        for (int i = 0; i < KitRuns.REPEAT; i++) {
            KitRuns.Run run = KitRuns.run(null, null, with(DurableFixture.Amnesiac.class));
            // after the "restart" the run's shared store and newly opened ones see different
            // storage, so the later clauses that compare the two fail as well
            assertEquals(Set.of("KV-9.2", "KV-11.1", "KV-11.6", "KV-11.9"),
                    run.clauses(Verdicts.Status.FAIL), run.output());
        }
    }

    @Test
    void aFixtureThatExpectsDurabilityTheStoreDoesNotDeclareFailsKv91() {
        for (int i = 0; i < KitRuns.REPEAT; i++) {
            KitRuns.Run run = KitRuns.run(null, null, with(DurableFixture.OnMemory.class));
            assertEquals(Set.of("KV-9.1"), run.clauses(Verdicts.Status.FAIL), run.output());
            assertEquals(Set.of("KV-9.2", "KV-9.3", "KV-9.4", "KV-9.5"),
                    run.clauses(Verdicts.Status.SKIPPED), "durability tests skipped\n"
                            + run.output());
            assertTrue(run.output().contains(Kv09DurabilityTest.NON_DURABLE), run.output());
        }
    }
}
