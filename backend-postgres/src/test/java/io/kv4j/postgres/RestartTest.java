package io.kv4j.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.KvException;
import io.kv4j.KvObserver;
import io.kv4j.KvOutcomeUnknownException;
import io.kv4j.KvStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The database stops and starts again, cleanly and as after a crash, and its sessions are ended
 * under load; the store, never reopened, serves again without failing a request, every
 * increment that returned is there exactly once, and no outcome is unknown. Runs a durable
 * server of its own (fsync and synchronous_commit on), which it restarts.
 */
class RestartTest {

    /** How long the chaos test runs; longer by hand with -Dkv4j.chaos.seconds=60. */
    private static final int CHAOS_SECONDS = Integer.getInteger("kv4j.chaos.seconds", 15);

    @Test
    void cleanAndImmediateRestartsUnderLoad_noRequestFails() throws Exception {
        try (DurableServer server = new DurableServer(); Load load = new Load(server, 4)) {
            for (boolean immediate : new boolean[] {false, true}) {
                load.awaitMore(50);
                server.stop(immediate);
                Backends.sleep(500);
                long before = load.succeeded.get();
                load.first.set(0);
                long starting = System.nanoTime();
                server.startAgain();
                long started = System.nanoTime();
                load.awaitMore(1);
                System.out.printf("restart (%s stop, down 500 ms): first request served %d ms"
                        + " after the server was started (starting took %d ms), %d served"
                        + " before%n", immediate ? "immediate" : "clean",
                        TimeUnit.NANOSECONDS.toMillis(load.first.get() - starting),
                        TimeUnit.NANOSECONDS.toMillis(started - starting), before);
            }
            load.awaitMore(50);
            load.finish();
            // the requests caught by the stops waited it out rather than failing
            assertTrue(load.slowest.get() >= TimeUnit.MILLISECONDS.toNanos(500),
                    "no request waited out a stop: slowest " + load.slowest.get() + " ns");
        }
    }

    @Test
    void check_reportsTheSchemaAndPool_thenUnavailableWhileTheServerIsDown() throws Exception {
        try (DurableServer server = new DurableServer();
                KvStore store = KvStore.open(server.url(), java.util.Map.of("user", "postgres",
                        "pool-timeout-ms", "1000", "connect-timeout-ms", "1000"))) {
            java.util.Map<String, Object> up = store.check();
            assertEquals(List.of("schema", "schema-version", "pool", "pool-active", "pool-idle",
                    "pool-waiting", "pool-size", "cache"), List.copyOf(up.keySet()));
            assertEquals("own", up.get("pool"));
            assertEquals("kv4j", up.get("schema"));
            assertEquals(Migrations.LATEST, up.get("schema-version"));
            assertEquals(10, up.get("pool-size"));
            server.stop(false);
            long start = System.nanoTime();
            io.kv4j.KvUnavailableException e = assertThrows(
                    io.kv4j.KvUnavailableException.class, store::check);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(ms < 5000, "took " + ms + " ms");
            assertTrue(e.getMessage().contains("Checking"), e.getMessage());
            server.startAgain();
            assertEquals(Migrations.LATEST, store.check().get("schema-version"));
        }
    }

    @Test
    void sessionsEndedAndServerStoppedAtRandom_noRequestFailsNoneUnknownNoneLost()
            throws Exception {
        try (DurableServer server = new DurableServer(); Load load = new Load(server, 4);
                Connection admin = DriverManager.getConnection("jdbc:postgresql://localhost:"
                        + server.port() + "/postgres", "postgres", "")) {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(CHAOS_SECONDS);
            long nextStop = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            Connection current = admin;
            int kills = 0;
            int stops = 0;
            while (System.nanoTime() < end) {
                Backends.sleep(ThreadLocalRandom.current().nextLong(100, 500));
                if (System.nanoTime() > nextStop) {
                    server.stop(ThreadLocalRandom.current().nextBoolean());
                    Backends.sleep(ThreadLocalRandom.current().nextLong(100, 1000));
                    server.startAgain();
                    stops++;
                    nextStop = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                    current = DriverManager.getConnection("jdbc:postgresql://localhost:"
                            + server.port() + "/postgres", "postgres", "");
                }
                kills += endSessions(current);
            }
            load.awaitMore(20);
            load.finish();
            System.out.printf("chaos for %d s: %d sessions ended, %d stops, %d requests served,"
                    + " slowest %d ms%n", CHAOS_SECONDS, kills, stops, load.succeeded.get(),
                    TimeUnit.NANOSECONDS.toMillis(load.slowest.get()));
            assertTrue(kills > 0 && stops > 0, "no chaos: " + kills + " kills, " + stops
                    + " stops");
        }
    }

    /** Ends every session of the store, as an administrator or a failing network would. */
    private static int endSessions(Connection admin) throws SQLException {
        try (Statement st = admin.createStatement();
                var rs = st.executeQuery("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))"
                        + " FROM pg_stat_activity WHERE application_name = 'kv4j-restart'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * Threads that increment one counter and read it back in a read-only request, as fast as they
     * can, counting what they see; on
     * {@link #finish} it asserts that none failed, none was unknown, and that the counter holds
     * exactly the increments that returned.
     */
    private static final class Load implements AutoCloseable {

        final AtomicLong succeeded = new AtomicLong();
        /** The longest request, retries and waits included. */
        final AtomicLong slowest = new AtomicLong();
        /** When a request first succeeded since this was last set to 0. */
        final AtomicLong first = new AtomicLong();
        private final List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final KvStore store;
        private final ExecutorService threads;
        private final List<Future<?>> workers = new ArrayList<>();

        Load(DurableServer server, int n) {
            this.store = KvStore.builder(server.url()).option("user", "postgres")
                    .option("ApplicationName", "kv4j-restart").option("pool-size", "4")
                    .observer(new KvObserver() {
                        @Override
                        public void requestEnded(String function, Outcome outcome, int attempts,
                                long nanos) {
                            slowest.accumulateAndGet(nanos, Math::max);
                        }
                    }).open();
            this.threads = Executors.newFixedThreadPool(n);
            for (int t = 0; t < n; t++) {
                workers.add(threads.submit(this::work));
            }
        }

        private Void work() {
            while (!stop.get()) {
                try {
                    store.run("Counter", kv -> {
                        Long v = kv.get("n", Long.class);
                        kv.set("n", v == null ? 1 : v + 1);
                        return null;
                    });
                    succeeded.incrementAndGet();
                    first.compareAndSet(0, System.nanoTime());
                    // a request that only reads, checked at commit since it reads two keys
                    store.run("Counter", kv -> kv.get("n", Long.class) + (kv.has("m") ? 1 : 0));
                } catch (KvException e) {
                    failures.add(e);
                    Backends.sleep(20);
                }
            }
            return null;
        }

        /** Waits until {@code n} more requests have succeeded. */
        void awaitMore(long n) {
            long target = succeeded.get() + n;
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (succeeded.get() < target) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("only " + succeeded.get() + " requests succeeded, not "
                            + target + "; failures: " + failures);
                }
                Backends.sleep(1);
            }
        }

        void finish() throws Exception {
            stop.set(true);
            for (Future<?> w : workers) {
                w.get(60, TimeUnit.SECONDS);
            }
            long unknown = failures.stream()
                    .filter(KvOutcomeUnknownException.class::isInstance).count();
            assertEquals(0, unknown, "outcomes unknown: " + failures);
            assertEquals(List.of(), failures, "requests failed");
            assertEquals(Long.valueOf(succeeded.get()),
                    store.reader("Counter").get("n", Long.class),
                    "the counter does not hold exactly the increments that returned");
        }

        @Override
        public void close() {
            stop.set(true);
            threads.shutdownNow();
            store.close();
        }
    }
}
