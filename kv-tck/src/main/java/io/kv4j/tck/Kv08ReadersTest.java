package io.kv4j.tck;

import static io.kv4j.tck.Checks.commit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.KvConflictException;
import io.kv4j.KvEntry;
import io.kv4j.KvReader;
import io.kv4j.KvStore;
import io.kv4j.KvTransaction;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** KV-8 Readers. */
@Chapter(8)
final class Kv08ReadersTest {

    @Clause("KV-8.1")
    void kv8_1_aReaderSeesCommittedDataOnly(Env env) {
        KvStore store = env.store();
        String f = env.fn("committed-only");
        KvReader reader = store.reader(f);
        try (KvTransaction open = store.begin(f)) {
            open.set("open", 1);
            assertFalse(reader.has("open"), "a write of an open transaction");
            store.run(f, kv -> {
                kv.set("running", 1);
                kv.call(f, self -> {
                    self.set("in-call", 1);
                    assertFalse(reader.has("in-call"), "a write of a call in progress");
                    return null;
                });
                assertFalse(reader.has("running"), "a write of a running run body");
                throw new IllegalStateException("fail");
            });
        } catch (IllegalStateException expected) {
            // the body's failure
        }
        assertFalse(reader.has("running"), "a write of a failed request");
        assertFalse(reader.has("open"), "a write of a transaction closed without commit");
        commit(store, f, kv -> kv.set("done", 1));
        assertEquals(List.of("done"), reader.list("").keys(), "only the committed write");
    }

    @Clause("KV-8.2")
    void kv8_2_eachReaderCallReadsOneCommittedState(Env env) {
        String f = env.fn("reader-state");
        KvStore writer = env.open();
        commit(writer, f, kv -> {
            kv.set("a", 0);
            kv.set("b", 0);
        });
        KvReader reader = env.store().reader(f);
        AtomicBoolean done = new AtomicBoolean();
        int generations = Math.max(20, env.settings().workloadRequests() / 4);
        Workload.run(env, "reader listings during pair commits", (thread, random, history) -> {
            if (thread == 0) {
                try {
                    for (int g = 1; g <= generations; g++) {
                        int gen = g;
                        commit(writer, f, kv -> {
                            kv.set("a", gen);
                            kv.set("b", gen);
                        });
                        Object seen = reader.get("a");
                        if (!Long.valueOf(gen).equals(seen)) {
                            throw Workload.failure("a reader call after commit " + gen
                                    + " returned read " + seen, env, null);
                        }
                    }
                } finally {
                    done.set(true);
                }
                return;
            }
            for (int n = 0; n < 10_000 && !done.get(); n++) {
                List<KvEntry> page = reader.list("").entries();
                if (page.size() != 2 || !page.get(0).value().equals(page.get(1).value())) {
                    throw Workload.failure("one reader listing saw a and b from different commits: "
                            + page, env, null);
                }
            }
        });
    }

    @Clause("KV-8.2")
    void kv8_2_aReaderCallAfterACommitSeesAllOfIt(Env env) {
        String f = env.fn("reader-after");
        KvStore writer = env.open();
        KvReader reader = env.store().reader(f);
        for (int g = 1; g <= 3; g++) {
            int gen = g;
            commit(writer, f, kv -> {
                kv.set("a", gen);
                kv.set("b", gen);
                if (gen == 2) {
                    kv.delete("c");
                } else {
                    kv.set("c", gen);
                }
            });
            List<Object> seen = Arrays.asList(reader.get("a"), reader.get("b", Integer.class),
                    reader.has("c"), reader.list("").keys(), reader.list("").entries().get(0).value());
            List<String> keys = gen == 2 ? List.of("a", "b") : List.of("a", "b", "c");
            assertEquals(Arrays.asList((long) gen, gen, gen != 2, keys, (long) gen), seen,
                    "get a, get b, has c, the keys and a's listed value by a reader after commit "
                            + gen + " returned");
        }
    }

    @Clause("KV-8.3")
    void kv8_3_readerCallsNeverMakeATransactionConflict(Env env) {
        KvStore store = env.store();
        String f = env.fn("independent");
        commit(store, f, kv -> {
            kv.set("x", 0);
            kv.set("p/a", 0);
        });
        KvReader reader = store.reader(f);
        try (KvTransaction tx = store.begin(f)) {
            int x = tx.get("x", Integer.class);
            tx.list("p/");
            Workload.run(env, "reader calls from many threads", (thread, random, history) -> {
                for (int i = 0; i < 20; i++) {
                    reader.get("x");
                    reader.has("p/a");
                    reader.list("p/");
                }
            });
            tx.set("x", x + 1);
            try {
                tx.commit();
            } catch (KvConflictException e) {
                throw new AssertionError("reader calls made a transaction conflict", e);
            }
        }
        assertEquals(1L, reader.get("x"), "the transaction committed");
        assertTrue(reader.has("p/a"), "the reader still works");
    }
}
