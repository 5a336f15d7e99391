package io.kv4j.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.spi.BackendException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    @Test
    void serversWithoutClusterWideAdvisoryLocks_areRecognised() throws SQLException {
        assertEquals("CockroachDB", Migrations.unsupportedEngine("CockroachDB CCL v24.1.0"
                + " (x86_64-pc-linux-gnu, built 2024/05/15, go1.22.2)"));
        assertEquals("YugabyteDB", Migrations.unsupportedEngine("PostgreSQL 15.2-YB-2.25.1.0-b0"
                + " on x86_64-pc-linux-gnu, compiled by clang version 17.0.6"));
        assertEquals(null, Migrations.unsupportedEngine(one("SELECT version()")));
    }

    @Test
    void openingAtOnce_appliesEachScriptOnce() throws Exception {
        String schema = TestServer.freshSchema("mig");
        int n = 4;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<PostgresBackend>> opened = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                opened.add(pool.submit(() -> {
                    go.await();
                    return Backends.backend(schema, "pool-size", "1", "cache", "false");
                }));
            }
            go.countDown();
            for (Future<PostgresBackend> f : opened) {
                f.get().close();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(String.valueOf(Migrations.LATEST),
                one("SELECT count(*) FROM " + schema + ".schema_version"));
    }

    @Test
    void migrateOff_missingSchema_isAClearError() {
        String schema = TestServer.freshSchema("mig");
        BackendException e = assertThrows(BackendException.class,
                () -> Backends.backend(schema, "migrate", "false"));
        assertEquals(BackendException.Kind.CONFIGURATION, e.kind());
        assertTrue(e.getMessage().contains("'" + schema + "'")
                && e.getMessage().contains("migrate=false"), e.getMessage());
    }

    @Test
    void migrateOff_currentSchema_opens() {
        String schema = TestServer.freshSchema("mig");
        Backends.backend(schema, "cache", "false").close();
        try (PostgresBackend b = Backends.backend(schema, "migrate", "false", "cache", "false")) {
            assertEquals(null, b.read("F", "k"));
        }
    }

    @Test
    void newerSchema_isRefused() throws SQLException {
        String schema = TestServer.freshSchema("mig");
        Backends.backend(schema, "cache", "false").close();
        exec("INSERT INTO " + schema + ".schema_version (version, script) VALUES (99, 'later')");
        BackendException e = assertThrows(BackendException.class,
                () -> Backends.backend(schema));
        assertEquals(BackendException.Kind.CONFIGURATION, e.kind());
        assertTrue(e.getMessage().contains("version 99, newer"), e.getMessage());
    }

    static String one(String sql) throws SQLException {
        try (Connection c = TestServer.get().admin(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static void exec(String sql) throws SQLException {
        try (Connection c = TestServer.get().admin(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
