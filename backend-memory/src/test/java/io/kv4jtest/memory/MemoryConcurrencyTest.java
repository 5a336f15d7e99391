package io.kv4jtest.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.KvConflictException;
import io.kv4j.KvEntry;
import io.kv4j.KvObserver;
import io.kv4j.KvStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** SPEC KV-7 on the memory backend under real threads. */
class MemoryConcurrencyTest {

    private static final int THREADS = 4;

    @Test
    void sixtyFourThreadsOnOneKey_allCompleteWithDefaultOptions_andWaitTheirTurn() throws Exception {
        int threads = 64;
        int perThread = 300;
        AtomicLong conflicts = new AtomicLong();
        try (KvStore store = KvStore.builder("kv:memory:").observer(new KvObserver() {
            @Override
            public void commitEnded(String function, Outcome outcome,
                    io.kv4j.common.ConflictReason reason, int writes, long nanos) {
                if (outcome == Outcome.CONFLICT) {
                    conflicts.incrementAndGet();
                }
            }
        }).open()) {
            runInThreads(threads, t -> {
                for (int i = 0; i < perThread; i++) {
                    store.run("counter", kv -> {
                        Long n = kv.get("n", Long.class);
                        kv.set("n", n == null ? 1 : n + 1);
                        return null;
                    });
                }
            });
            long requests = (long) threads * perThread;
            assertEquals(requests, store.reader("counter").get("n", Long.class));
            // requests that conflicted run again one at a time: few commits are wasted
            assertTrue(conflicts.get() <= requests / 4, conflicts + " commits conflicted for "
                    + requests + " requests");
        }
    }

    @Test
    void randomTransfersKeepTheTotalAndAuditsNeverSeeItChange() throws Exception {
        int accounts = 6;
        long initial = 100;
        try (KvStore a = KvStore.open("kv:memory:transfers");
                KvStore b = KvStore.open("kv:memory:transfers")) {
            a.run("bank", kv -> {
                for (int i = 0; i < accounts; i++) {
                    kv.set("acct/" + i, initial);
                }
                return null;
            });
            AtomicBoolean running = new AtomicBoolean(true);
            List<Long> audits = new ArrayList<>();
            Thread auditor = new Thread(() -> {
                while (running.get()) {
                    long sum = b.run("bank", kv -> {
                        long s = 0;
                        for (KvEntry e : kv.list("acct/").entries()) {
                            s += e.value(Long.class);
                        }
                        return s;
                    });
                    synchronized (audits) {
                        audits.add(sum);
                    }
                }
            });
            auditor.start();
            runInThreads(THREADS, t -> {
                Random random = new Random(t);
                KvStore store = t % 2 == 0 ? a : b;
                for (int i = 0; i < 300; i++) {
                    int from = random.nextInt(accounts);
                    int to = random.nextInt(accounts);
                    long amount = random.nextInt(20);
                    store.run("bank", kv -> {
                        long f = kv.get("acct/" + from, Long.class);
                        if (f >= amount && from != to) {
                            kv.set("acct/" + from, f - amount);
                            kv.set("acct/" + to, kv.get("acct/" + to, Long.class) + amount);
                        }
                        return null;
                    });
                }
            });
            running.set(false);
            auditor.join(TimeUnit.SECONDS.toMillis(30));
            long total = a.run("bank", kv -> {
                long s = 0;
                for (int i = 0; i < accounts; i++) {
                    s += kv.get("acct/" + i, Long.class);
                }
                return s;
            });
            assertEquals(accounts * initial, total);
            synchronized (audits) {
                for (long sum : audits) {
                    assertEquals(accounts * initial, sum, "an audit saw a transfer half applied");
                }
            }
        }
    }

    interface Work {
        void run(int thread) throws Exception;
    }

    private static void runInThreads(int threads, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                done.add(pool.submit(() -> {
                    work.run(id);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
