package io.kv4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** SPEC KV-5.6 and KV-7.13: requests that conflict on a key wait their turn, and run completes. */
class ContentionTest {

    private static final int THREADS = 32;
    private static final int PER_THREAD = 50;

    @Test
    void hotKey_requestsWaitTheirTurn_soFewCommitsConflict() throws Exception {
        AtomicLong conflicts = new AtomicLong();
        // each commit takes 200 us before it validates: without a line almost every concurrent
        // attempt would conflict
        try (KvStore store = KvStore.builder("kv:checked:?commit-delay-us=200")
                .observer(new KvObserver() {
                    @Override
                    public void commitEnded(String function, Outcome outcome,
                            io.kv4j.common.ConflictReason reason, int writes, long nanos) {
                        if (outcome == Outcome.CONFLICT) {
                            conflicts.incrementAndGet();
                        }
                    }
                }).open()) {
            inThreads(() -> {
                for (int i = 0; i < PER_THREAD; i++) {
                    store.run("counter", kv -> {
                        Long n = kv.get("n", Long.class);
                        kv.set("n", n == null ? 1 : n + 1);
                        return null;
                    });
                }
            });
            long requests = (long) THREADS * PER_THREAD;
            assertEquals(requests, store.reader("counter").get("n", Long.class));
            assertTrue(conflicts.get() <= requests / 4,
                    conflicts + " commits conflicted for " + requests + " requests");
        }
    }

    @Test
    void transfersAmongFewAccounts_allCompleteWithDefaultOptions() throws Exception {
        try (KvStore store = KvStore.open("kv:checked:?commit-delay-us=100")) {
            store.run("bank", kv -> {
                for (int i = 0; i < 4; i++) {
                    kv.set("acct/" + i, 100);
                }
                return null;
            });
            inThreads(() -> {
                java.util.Random random = new java.util.Random();
                for (int i = 0; i < PER_THREAD; i++) {
                    int from = random.nextInt(4);
                    int to = (from + 1 + random.nextInt(3)) % 4;
                    store.run("bank", kv -> {
                        kv.set("acct/" + from, kv.get("acct/" + from, Integer.class) - 1);
                        kv.set("acct/" + to, kv.get("acct/" + to, Integer.class) + 1);
                        return null;
                    });
                }
            });
            int total = store.run("bank", kv -> {
                int sum = 0;
                for (KvEntry e : kv.list("acct/").entries()) {
                    sum += e.value(Integer.class);
                }
                return sum;
            });
            assertEquals(400, total);
        }
    }

    @Test
    void conflictsPastTheRetryTimeout_endInAConflictNamingTheOption() {
        try (KvStore store = KvStore.open("kv:checked:?retry-timeout-ms=0")) {
            store.run("f", kv -> {
                kv.set("x", 0);
                return null;
            });
            KvConflictException e = assertThrows(KvConflictException.class, () -> store.run("f",
                    kv -> {
                        int x = kv.get("x", Integer.class);
                        store.run("f", other -> {
                            other.set("x", x + 100);
                            return null;
                        });
                        kv.set("x", x + 1);
                        return null;
                    }));
            assertTrue(e.getMessage().contains("retry-timeout-ms"), e.getMessage());
        }
    }

    @Test
    void maxRetriesCapsTheAttempts() {
        AtomicLong attempts = new AtomicLong();
        try (KvStore store = KvStore.open("kv:checked:", Map.of("max-retries", "3"))) {
            store.run("f", kv -> {
                kv.set("x", 0);
                return null;
            });
            KvConflictException e = assertThrows(KvConflictException.class, () -> store.run("f",
                    kv -> {
                        attempts.incrementAndGet();
                        int x = kv.get("x", Integer.class);
                        store.run("f", other -> {
                            other.set("x", x + 100);
                            return null;
                        });
                        kv.set("x", x + 1);
                        return null;
                    }));
            assertEquals(4, attempts.get());
            assertTrue(e.getMessage().contains("max-retries"), e.getMessage());
        }
    }

    private static void inThreads(Runnable work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                done.add(pool.submit(work));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
