package io.kv4j.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.kv4j.KvStore;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.sql.Connection;
import java.util.Map;
import java.util.Set;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** The store's own pool as the options say, or an application's DataSource instead. */
class PoolTest {

    @Test
    void applicationDataSource_isUsed_andLeftOpen() throws Exception {
        String schema = TestServer.freshSchema("pool");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://"
                + TestServer.get().url().substring(PgSettings.PREFIX.length()));
        config.setUsername(TestServer.get().options(schema).getOrDefault("user", ""));
        config.setPassword(TestServer.get().options(schema).getOrDefault("password", ""));
        config.setMaximumPoolSize(3);
        config.setAutoCommit(false); // as some applications configure theirs
        config.setPoolName("application");
        try (HikariDataSource application = new HikariDataSource(config)) {
            try (KvStore store = KvStore.builder(TestServer.get().url()).option("schema", schema)
                    .object("data-source", application).open()) {
                for (int i = 0; i < 5; i++) {
                    store.run("F", kv -> {
                        kv.set("n", kv.get("n") == null ? 1 : kv.get("n", Integer.class) + 1);
                        return null;
                    });
                }
                assertEquals(Integer.valueOf(5), store.reader("F").get("n", Integer.class));
                Map<String, Object> state = store.check();
                assertEquals("application's", state.get("pool"));
                assertEquals(3, state.get("pool-size"));
            }
            assertFalse(application.isClosed(), "the store closed the application's pool");
            try (Connection c = application.getConnection()) {
                assertTrue(c.isValid(1));
            }
        }
    }

    @Test
    void applicationDataSource_withOptionsOfTheOwnPool_isRefused() {
        try (HikariDataSource unused = new HikariDataSource()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                    KvStore.builder(TestServer.get().url()).option("pool-size", "4")
                            .option("sslmode", "require").object("data-source", unused).open());
            assertTrue(e.getMessage().contains("[pool-size, sslmode] would be ignored"),
                    e.getMessage());
        }
    }

    @Test
    void ownPool_holdsNoConnectionUntilARequestNeedsOne() throws Exception {
        String schema = TestServer.freshSchema("pool");
        String app = "kv4j_" + schema;
        try (KvStore store = Backends.store(schema, "ApplicationName", app, "cache", "false")) {
            Backends.sleep(200);
            assertEquals("0", sessions(app), "an idle store holds server connections");
            store.reader("F").get("k");
            assertEquals("1", sessions(app));
        }
    }

    @Test
    void ownPool_keepingIdleConnections_takesTheConnectionThatOpenedTheStore() throws Exception {
        String schema = TestServer.freshSchema("pool");
        String app = "kv4j_" + schema;
        try (KvStore store = Backends.store(schema, "ApplicationName", app, "cache", "false",
                "pool-size", "1", "pool-min-idle", "1")) {
            store.reader("F").get("k");
            assertEquals("1", sessions(app));
            // the schema was created on the connection that opened the store, which therefore
            // began before it; one the pool made afterwards would have begun after it
            assertEquals("t", MigrationsTest.one("SELECT (SELECT backend_start FROM"
                    + " pg_stat_activity WHERE application_name = '" + app + "') <= (SELECT"
                    + " min(applied_at) FROM " + schema + ".schema_version)"));
        }
    }

    @Test
    void poolOptions_reachThePool() throws Exception {
        String schema = TestServer.freshSchema("pool");
        String app = "kv4j_" + schema;
        Set<ObjectName> before = ManagementFactory.getPlatformMBeanServer()
                .queryNames(new ObjectName("com.zaxxer.hikari:type=Pool (*"), null);
        try (KvStore store = Backends.store(schema, "ApplicationName", app, "cache", "false",
                "pool-min-idle", "3", "pool-register-mbeans", "true")) {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!sessions(app).equals("3")) {
                assertTrue(System.nanoTime() < deadline, "pool-min-idle=3 kept "
                        + sessions(app) + " connections");
                Backends.sleep(20);
            }
            Set<ObjectName> after = ManagementFactory.getPlatformMBeanServer()
                    .queryNames(new ObjectName("com.zaxxer.hikari:type=Pool (*"), null);
            assertEquals(before.size() + 1, after.size(), "no pool MBean registered for "
                    + store.url());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                Backends.store(schema, "pool-keepalive-ms", "10000"));
        assertTrue(e.getMessage().contains("pool-keepalive-ms (10000) must be 0 (off), or from"
                + " 30000"), e.getMessage());
    }

    @Test
    void severalHosts_theFirstThatAnswersServes() throws Exception {
        int closed;
        try (ServerSocket free = new ServerSocket(0)) {
            closed = free.getLocalPort();
        }
        String server = TestServer.get().url().substring(PgSettings.PREFIX.length());
        String url = PgSettings.PREFIX + "localhost:" + closed + "," + server;
        try (KvStore store = KvStore.open(url, Backends.options(TestServer.freshSchema("pool"),
                "targetServerType", "any", "hostRecheckSeconds", "0"))) {
            store.run("F", kv -> {
                kv.set("k", 1);
                return null;
            });
            assertEquals(Integer.valueOf(1), store.reader("F").get("k", Integer.class));
        }
    }

    private static String sessions(String app) throws Exception {
        return MigrationsTest.one("SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
                + app + "'");
    }
}
