package io.kv4j.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.KvStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Requests of two stores on one database at once: serialisable, with the caches on. */
class ConcurrencyTest {

    @Test
    void incrementsFromTwoStores_loseNothing() throws Exception {
        String schema = TestServer.freshSchema("conc");
        try (KvStore a = Backends.store(schema, "pool-size", "2", "max-retries", "100");
                KvStore b = Backends.store(schema, "pool-size", "2", "max-retries", "100")) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (KvStore s : List.of(a, b, a, b)) {
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < 25; i++) {
                            s.run("Counter", kv -> {
                                Long n = kv.get("n", Long.class);
                                kv.set("n", n == null ? 1 : n + 1);
                                return null;
                            });
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(Long.valueOf(100), a.reader("Counter").get("n", Long.class));
        }
    }

    /** Each of two doctors goes off call if the other is still on: never both. */
    @Test
    void writeSkew_isPrevented() throws Exception {
        String schema = TestServer.freshSchema("conc");
        try (KvStore a = Backends.store(schema); KvStore b = Backends.store(schema)) {
            a.run("Ward", kv -> {
                kv.set("alice", true);
                kv.set("bob", true);
                return null;
            });
            CyclicBarrier bothRead = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<?> x = pool.submit(() -> goOffCall(a, "alice", "bob", bothRead));
                Future<?> y = pool.submit(() -> goOffCall(b, "bob", "alice", bothRead));
                x.get(30, TimeUnit.SECONDS);
                y.get(30, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }
            boolean alice = a.reader("Ward").get("alice", Boolean.class);
            boolean bob = a.reader("Ward").get("bob", Boolean.class);
            assertTrue(alice || bob, "both went off call");
        }
    }

    private static Void goOffCall(KvStore store, String me, String other, CyclicBarrier bothRead) {
        AtomicBoolean first = new AtomicBoolean(true);
        store.run("Ward", kv -> {
            boolean otherOn = kv.get(other, Boolean.class);
            kv.get(me, Boolean.class);
            if (first.getAndSet(false)) {
                bothRead.await(10, TimeUnit.SECONDS); // both have read before either commits
            }
            if (otherOn) {
                kv.set(me, false);
            }
            return null;
        });
        return null;
    }
}
