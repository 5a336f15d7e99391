package io.kv4j.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kv4j.KvStore;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The one test of mutation testing ({@code ./mvnw -Pmutation -pl kv-tck -am verify}): the whole
 * kit against the memory backend on shared storage, with the quick settings of the self-tests.
 * A mutant of the backend or of the engine is killed when the kit fails a clause, leaves
 * a clause untested that it tests here, or leaves data behind; surefire leaves this test to PIT, as MemoryPassesTheKitTest runs
 * the same kit in every build.
 */
class KitKillsMutantsTest {

    @Test
    void theKitPassesOnSharedMemoryStorage() {
        String url = "kv:memory:tck-mutation-" + UUID.randomUUID();
        try (KvStore holder = KvStore.open(url)) {
            KitRuns.Run run = KitRuns.run(url, null, KitRuns.QUICK);
            assertEquals(Set.of(), run.clauses(Verdicts.Status.FAIL), run.output());
            // without a child JVM (the quick settings), KV-11.9's environment part goes untested
            assertEquals(List.of("KV-11.9 (part)"),
                    run.result().verdicts().untestedMustClauses(), run.output());
            assertEquals(List.of(), holder.functions(), "functions the run left behind");
        }
    }
}
