package io.kv4j.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.KvOutcomeUnknownException;
import io.kv4j.KvStore;
import io.kv4j.KvUnavailableException;
import io.kv4j.common.Capability;
import io.kv4j.tck.postgres.CommitCutter;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Connections lost under a request, under a commit, while idle in the pool, and answers that never
 * arrive: each request ends in a known outcome, and the store never needs reopening.
 */
class FaultTest {

    @Test
    void connectionKilledInTheMiddleOfARequest_theRequestCompletesOnAFreshConnection() {
        String schema = TestServer.freshSchema("fault");
        String app = "kv4j_" + schema;
        try (KvStore store = Backends.store(schema, "ApplicationName", app, "pool-size", "1",
                "max-retries", "0", "cache", "false")) {
            store.run("F", kv -> {
                kv.set("a", 1);
                return null;
            });
            int[] killed = new int[1];
            Object b = store.run("F", kv -> {
                int a = kv.get("a", Integer.class);
                killed[0] += terminate(app, "");
                kv.set("a", a + 1);
                return kv.get("b");
            });
            assertEquals(1, killed[0], "the request's connection was not ended");
            assertNull(b);
            assertEquals(Integer.valueOf(2), store.run("F", kv -> kv.get("a", Integer.class)));
        }
    }

    @Test
    void connectionKilledWhileTheCommitWaits_isSentAgainOnceAndApplied() throws Exception {
        String schema = TestServer.freshSchema("fault");
        String app = "kv4j_" + schema;
        try (KvStore store = Backends.store(schema, "ApplicationName", app, "pool-size", "2",
                "max-retries", "0");
                Connection blocker = TestServer.get().admin()) {
            store.run("F", kv -> {
                kv.set("b", "old");
                kv.set("n", 0);
                return null;
            });
            lockKey(blocker, schema, "b");
            CompletableFuture<Object> commit = CompletableFuture.supplyAsync(() ->
                    store.run("F", kv -> {
                        kv.set("n", kv.get("n", Integer.class) + 1);
                        kv.set("b", "new");
                        return null;
                    }));
            awaitBlocked(app);
            assertEquals(1, terminate(app, " AND wait_event_type = 'Lock'"));
            Backends.sleep(200);
            assertFalse(commit.isDone(), "the commit did not wait for the lock again");
            blocker.rollback();

            commit.get(30, TimeUnit.SECONDS);
            assertEquals(Arrays.asList(1L, "new"), store.run("F", kv ->
                    Arrays.asList(kv.get("n"), kv.get("b"))));
        }
    }

    @Test
    void idleConnectionsKilled_nextRequestsDoNotNotice() {
        String schema = TestServer.freshSchema("fault");
        String app = "kv4j_" + schema;
        try (KvStore store = Backends.store(schema, "ApplicationName", app, "pool-size", "4",
                "max-retries", "0", "cache", "false")) {
            for (int i = 0; i < 4; i++) {
                store.run("F", kv -> {
                    kv.set("n", kv.get("n") == null ? 1 : kv.get("n", Integer.class) + 1);
                    return null;
                });
            }
            assertTrue(terminate(app, " AND state = 'idle'") > 0, "no idle connection to end");
            assertEquals(Integer.valueOf(4), store.reader("F").get("n", Integer.class));
            assertEquals(List.of("F"), store.functions());
            assertTrue(terminate(app, " AND state = 'idle'") > 0, "no idle connection to end");
            store.run("F", kv -> {
                kv.set("n", kv.get("n", Integer.class) + 1);
                return null;
            });
            assertEquals(Integer.valueOf(5), store.reader("F").get("n", Integer.class));
        }
    }

    @Test
    void answerLost_theCommitIsLookedUpAndAppliedOnce() throws Exception {
        String schema = TestServer.freshSchema("fault");
        PgSettings server = PgSettings.parse(TestServer.get().url(), Map.of());
        try (CommitCutter cutter = new CommitCutter(server.host(), server.port(), schema);
                KvStore store = KvStore.open(throughCutter(cutter, schema),
                        Backends.options(schema, "max-retries", "0"))) {
            assertTrue(store.info().capabilities().contains(Capability.RESOLVES_LOST_COMMITS));
            for (int i = 0; i < 3; i++) {
                store.run("F", kv -> {
                    kv.set("n", kv.get("n") == null ? 1 : kv.get("n", Integer.class) + 1);
                    return null;
                });
            }
            try (KvStore direct = Backends.store(schema)) {
                assertEquals(Integer.valueOf(3), direct.reader("F").get("n", Integer.class));
            }
        }
    }

    @Test
    void answerLostAndServerGone_outcomeUnknownWithinTheBound_thenAppliedWhollyOrNotAtAll()
            throws Exception {
        String schema = TestServer.freshSchema("fault");
        PgSettings server = PgSettings.parse(TestServer.get().url(), Map.of());
        try (CommitCutter cutter = new CommitCutter(server.host(), server.port(), schema, true);
                KvStore store = KvStore.open(throughCutter(cutter, schema), Backends.options(schema,
                        "outcome-timeout-ms", "1000", "connect-timeout-ms", "1000",
                        "pool-timeout-ms", "1000"))) {
            long start = System.nanoTime();
            KvOutcomeUnknownException e = assertThrows(KvOutcomeUnknownException.class,
                    () -> store.run("F", kv -> {
                        kv.set("a", 1);
                        kv.set("b", 2);
                        return null;
                    }));
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(tookMs >= 1000 && tookMs < 5000, "reported after " + tookMs + " ms");
            assertTrue(e.getMessage().contains("outcome-timeout-ms=1000")
                    && e.getMessage().contains("applied as a whole or not at all"), e.getMessage());
            try (KvStore direct = Backends.store(schema)) {
                assertEquals(Arrays.asList(1L, 2L), Arrays.asList(direct.reader("F").get("a"),
                        direct.reader("F").get("b")));
            }
        }
    }

    @Test
    void answerLostWithoutLookingUp_outcomeUnknownAtOnce() throws Exception {
        String schema = TestServer.freshSchema("fault");
        PgSettings server = PgSettings.parse(TestServer.get().url(), Map.of());
        try (CommitCutter cutter = new CommitCutter(server.host(), server.port(), schema);
                KvStore store = KvStore.open(throughCutter(cutter, schema),
                        Backends.options(schema, "outcome-timeout-ms", "0"))) {
            assertFalse(store.info().capabilities().contains(Capability.RESOLVES_LOST_COMMITS));
            KvOutcomeUnknownException e = assertThrows(KvOutcomeUnknownException.class,
                    () -> store.run("F", kv -> {
                        kv.set("a", 1);
                        return null;
                    }));
            assertTrue(e.getMessage().contains("outcome is unknown"), e.getMessage());
        }
    }

    @Test
    void poolTimeout_namesThePoolState() throws Exception {
        String schema = TestServer.freshSchema("fault");
        String app = "kv4j_" + schema;
        // run would wait out a busy pool for retry-timeout-ms: the first timeout is the one shown
        try (KvStore store = Backends.store(schema, "ApplicationName", app, "pool-size", "1",
                "pool-timeout-ms", "300", "cache", "false", "retry-timeout-ms", "0");
                Connection blocker = TestServer.get().admin()) {
            store.run("F", kv -> {
                kv.set("b", 0);
                return null;
            });
            lockKey(blocker, schema, "b");
            CompletableFuture<Object> holder = CompletableFuture.supplyAsync(() ->
                    store.run("F", kv -> {
                        kv.set("b", 1);
                        return null;
                    }));
            awaitBlocked(app);

            KvUnavailableException e = assertThrows(KvUnavailableException.class,
                    () -> store.reader("F").get("b"));
            blocker.rollback();
            holder.get(30, TimeUnit.SECONDS);

            assertTrue(e.getMessage().contains("pool-timeout-ms=300")
                    && e.getMessage().contains("active=1, idle=0"), e.getMessage());
        }
    }

    /**
     * The test server's URL with its address replaced by the cutter's. The schema is made first,
     * directly, since the cutter would cut its migration as well.
     */
    private static String throughCutter(CommitCutter cutter, String schema) {
        Backends.store(schema).close();
        String url = TestServer.get().url();
        String database = url.substring(url.indexOf('/', PgSettings.PREFIX.length()));
        return PgSettings.PREFIX + InetAddress.getLoopbackAddress().getHostAddress() + ":"
                + cutter.port() + database;
    }

    /** Holds the row of a key locked in an open transaction, so that commits writing it wait. */
    private static void lockKey(Connection c, String schema, String key) throws SQLException {
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("SELECT 1 FROM " + schema + ".entries WHERE key = '" + key + "' FOR UPDATE");
        }
    }

    private static void awaitBlocked(String app) throws SQLException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!MigrationsTest.one("SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
                + app + "' AND wait_event_type = 'Lock'").equals("1")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the commit did not start waiting for the lock");
            }
            Backends.sleep(10);
        }
    }

    /** Ends the server sessions of {@code app} that match; how many it ended. */
    private static int terminate(String app, String condition) {
        try {
            return Integer.parseInt(MigrationsTest.one("SELECT count(*) FILTER (WHERE"
                    + " pg_terminate_backend(pid, 5000)) FROM pg_stat_activity"
                    + " WHERE application_name = '" + app + "'" + condition));
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
