package io.kv4j.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.KvOutcomeUnknownException;
import io.kv4j.KvStore;
import io.kv4j.KvUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Connections killed under a request, under a commit, and a full pool. */
class FaultTest {

    @Test
    void connectionsKilledInTheMiddleOfARequest_clearErrorNothingWritten_thenRecovers() {
        String schema = TestServer.freshSchema("fault");
        String app = "kv4j_" + schema;
        try (KvStore store = Backends.store(schema, "ApplicationName", app, "pool-size", "1",
                "max-retries", "0")) {
            store.run("F", kv -> {
                kv.set("a", 1);
                return null;
            });
            KvUnavailableException e = assertThrows(KvUnavailableException.class,
                    () -> store.run("F", kv -> {
                        kv.get("a");
                        terminate(app, "");
                        kv.set("a", 2);
                        return kv.get("b");
                    }));
            assertTrue(e.getMessage().contains("unreachable"), e.getMessage());
            assertEquals(Integer.valueOf(1), store.run("F", kv -> kv.get("a", Integer.class)));
        }
    }

    @Test
    void connectionKilledInTheMiddleOfACommit_outcomeUnknownNothingPartial_thenRecovers()
            throws Exception {
        String schema = TestServer.freshSchema("fault");
        String app = "kv4j_" + schema;
        try (KvStore store = Backends.store(schema, "ApplicationName", app, "pool-size", "2");
                Connection blocker = TestServer.get().admin()) {
            store.run("F", kv -> {
                kv.set("b", "old");
                return null;
            });
            lockKey(blocker, schema, "b");
            CompletableFuture<Object> commit = CompletableFuture.supplyAsync(() ->
                    store.run("F", kv -> {
                        kv.set("a", "new");
                        kv.set("b", "new");
                        return null;
                    }));
            awaitBlocked(app);
            terminate(app, " AND wait_event_type = 'Lock'");

            Throwable e = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> commit.get(30, TimeUnit.SECONDS)).getCause();
            blocker.rollback();

            assertInstanceOf(KvOutcomeUnknownException.class, e, String.valueOf(e));
            assertTrue(e.getMessage().contains("outcome is unknown"), e.getMessage());
            assertEquals(java.util.Arrays.asList(null, "old"), store.run("F", kv ->
                    java.util.Arrays.asList(kv.get("a"), kv.get("b"))));
        }
    }

    @Test
    void poolTimeout_namesThePoolState() throws Exception {
        String schema = TestServer.freshSchema("fault");
        String app = "kv4j_" + schema;
        try (KvStore store = Backends.store(schema, "ApplicationName", app, "pool-size", "1",
                "pool-timeout-ms", "300", "cache", "false");
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

    @Test
    void readOfMissingKey_afterRecovery_isNull() {
        String schema = TestServer.freshSchema("fault");
        try (PostgresBackend b = Backends.backend(schema, "cache", "false")) {
            assertNull(b.read("F", "nothing"));
        }
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

    private static void terminate(String app, String condition) {
        try {
            MigrationsTest.exec("SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity"
                    + " WHERE application_name = '" + app + "'" + condition);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
