package io.kv4j.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.KvConfigurationException;
import io.kv4j.KvStorageException;
import io.kv4j.KvStore;
import io.kv4j.KvUnavailableException;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Each failure is reported as what it is: a configuration that retrying cannot mend is a
 * {@link KvConfigurationException} (non-transient), never a {@link KvUnavailableException}; a
 * missing right is named with its object; the SQLSTATE is kept as a field.
 */
class ClassificationTest {

    private static final String ROLE = "kv4j_password_user";
    private static final String PASSWORD = "Right&Secret-7f3a";

    private static KvConfigurationException refused(Map<String, String> options) {
        return assertThrows(KvConfigurationException.class,
                () -> KvStore.open(TestServer.get().url(), options).close());
    }

    @Test
    void missingPassword_isAConfigurationError() throws Exception {
        Assumptions.assumeTrue(System.getenv("PGPASSWORD") == null, "PGPASSWORD is set");
        TestServer.get().passwordRole(ROLE, PASSWORD);
        KvConfigurationException e = refused(Map.of("user", ROLE));
        assertEquals("08004", e.sqlState());
        assertTrue(e.getMessage().contains("no password was provided")
                && e.getMessage().contains("user '" + ROLE + "'"), e.getMessage());
    }

    @Test
    void sslRequiredOfAServerWithoutSsl_isAConfigurationError() {
        KvConfigurationException e = refused(Backends.options(TestServer.freshSchema("ssl"),
                "sslmode", "require"));
        assertEquals("08004", e.sqlState());
        assertTrue(e.getMessage().contains("does not support SSL"), e.getMessage());
    }

    @Test
    void startupOptionTheServerRefuses_isAConfigurationError() {
        KvConfigurationException e = refused(Backends.options(TestServer.freshSchema("opt"),
                "options", "-c statement_timeout=abc"));
        assertEquals("22023", e.sqlState());
        assertTrue(e.getMessage().contains("statement_timeout"), e.getMessage());
    }

    @Test
    void driverClassThatCannotBeLoaded_isAConfigurationError() {
        KvConfigurationException e = refused(Backends.options(TestServer.freshSchema("cls"),
                "socketFactory", "com.example.NoSuchFactory"));
        assertTrue(e.getMessage().contains("com.example.NoSuchFactory"), e.getMessage());
    }

    @Test
    void wrongPassword_keepsItsSqlState() throws Exception {
        TestServer.get().passwordRole(ROLE, PASSWORD);
        assertEquals("28P01", refused(Map.of("user", ROLE, "password", "wrong")).sqlState());
    }

    @Test
    void roleWithoutUsageOnTheSchema_isToldTheRightsItLacks_notThatConnectingFailed()
            throws Exception {
        String role = "kv4j_no_rights";
        TestServer.get().passwordRole(role, PASSWORD);
        String schema = TestServer.freshSchema("rights");
        Backends.store(schema).close();
        KvConfigurationException e = refused(Map.of("user", role, "password", PASSWORD,
                "schema", schema, "migrate", "false"));
        assertEquals("42501", e.sqlState());
        String m = e.getMessage();
        assertTrue(m.contains("user '" + role + "' lacks USAGE on schema " + schema + "; SELECT, "
                + "INSERT, UPDATE, DELETE on table " + schema + ".commits;"), m);
        assertTrue(m.contains("USAGE, SELECT on sequence " + schema + ".versions"), m);
        assertFalse(m.contains("Connecting to database"), m);
    }

    @Test
    void rightRevokedWhileOpen_isNamedWithItsObject() throws Exception {
        String role = "kv4j_revoked";
        TestServer.get().passwordRole(role, PASSWORD);
        String schema = TestServer.freshSchema("revoked");
        Backends.store(schema).close();
        grantData(schema, role);
        try (KvStore store = KvStore.open(TestServer.get().url(), Map.of("user", role,
                "password", PASSWORD, "schema", schema, "cache", "false"))) {
            store.run("F", kv -> kv.get("k"));
            admin("REVOKE SELECT ON " + schema + ".entries FROM " + role);
            KvConfigurationException e = assertThrows(KvConfigurationException.class,
                    () -> store.reader("F").get("k"));
            assertEquals("42501", e.sqlState());
            assertTrue(e.getMessage().contains("user '" + role + "' lacks SELECT on table "
                    + schema + ".entries (SQLSTATE 42501"), e.getMessage());
        }
    }

    @Test
    void readOnlyServer_isAConfigurationError() throws Exception {
        String role = "kv4j_read_only";
        TestServer.get().passwordRole(role, PASSWORD);
        admin("ALTER ROLE " + role + " SET default_transaction_read_only = on");
        try (Connection c = TestServer.get().admin(); Statement st = c.createStatement()) {
            st.execute("GRANT CREATE ON DATABASE " + c.getCatalog() + " TO " + role);
        }
        KvConfigurationException e = refused(Map.of("user", role, "password", PASSWORD,
                "schema", TestServer.freshSchema("ro")));
        assertEquals("25006", e.sqlState());
    }

    @Test
    void passwordChangedWhileOpen_isAConfigurationError_notAnOutage() throws Exception {
        String role = "kv4j_rotated";
        TestServer.get().passwordRole(role, PASSWORD);
        String schema = TestServer.freshSchema("rotated");
        Backends.store(schema).close();
        grantData(schema, role);
        try (KvStore store = KvStore.open(TestServer.get().url(), Map.of("user", role,
                "password", PASSWORD, "schema", schema, "cache", "false",
                "pool-timeout-ms", "250"))) {
            store.run("F", kv -> kv.get("k"));
            admin("ALTER ROLE " + role + " PASSWORD 'Rotated-Secret-1'");
            admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '"
                    + role + "'");
            KvConfigurationException e = assertThrows(KvConfigurationException.class,
                    () -> store.reader("F").get("k"));
            assertEquals("28P01", e.sqlState());
            assertTrue(e.getMessage().contains("password authentication failed"), e.getMessage());
        } finally {
            admin("ALTER ROLE " + role + " PASSWORD '" + PASSWORD + "'");
        }
    }

    @Test
    void lockNotGrantedWithinLockTimeout_isTransient() throws Exception {
        String schema = TestServer.freshSchema("locked");
        try (KvStore store = Backends.store(schema, "options", "-c lock_timeout=200",
                "cache", "false");
                Connection holder = TestServer.get().admin();
                Statement st = holder.createStatement()) {
            store.run("F", kv -> {
                kv.set("k", 1);
                return null;
            });
            holder.setAutoCommit(false);
            st.execute("SELECT * FROM " + schema + ".entries FOR UPDATE");
            KvUnavailableException e = assertThrows(KvUnavailableException.class,
                    () -> store.run("F", kv -> {
                        kv.set("k", 2);
                        return null;
                    }));
            assertTrue(e.getMessage().contains("55P03"), e.getMessage());
            holder.rollback();
        }
    }

    @Test
    void failureOfTheStorage_keepsItsSqlState() throws Exception {
        String schema = TestServer.freshSchema("dropped");
        try (KvStore store = Backends.store(schema, "cache", "false")) {
            admin("DROP TABLE " + schema + ".entries CASCADE");
            KvStorageException e = assertThrows(KvStorageException.class,
                    () -> store.reader("F").get("k"));
            assertEquals("42P01", e.sqlState());
        }
    }

    @Test
    void sessionEndedByTheServersIdleTimeouts_isALostConnection() throws Exception {
        // the server ends a session idle too long (57P05) or idle inside a transaction (25P03);
        // what was sent after it did nothing, and a fresh connection serves
        for (String timeout : java.util.List.of("idle_session_timeout",
                "idle_in_transaction_session_timeout")) {
            java.util.Properties p = new java.util.Properties();
            p.setProperty("user", TestServer.get().options("x").getOrDefault("user", ""));
            p.setProperty("password", TestServer.get().options("x").getOrDefault("password", ""));
            p.setProperty("options", "-c " + timeout + "=100");
            String jdbc = "jdbc:postgresql:" + TestServer.get().url()
                    .substring("kv:postgresql:".length());
            java.sql.SQLException ended;
            try (Connection c = java.sql.DriverManager.getConnection(jdbc, p);
                    Statement st = c.createStatement()) {
                c.setAutoCommit(!timeout.contains("transaction"));
                st.execute("SELECT 1");
                Backends.sleep(400);
                ended = assertThrows(java.sql.SQLException.class, () -> st.execute("SELECT 1"));
            }
            assertTrue(Failures.isConnectionLost(ended), timeout + ": " + Failures.describe(ended));
            assertTrue(Failures.of(ended, "Reading", null)
                    instanceof io.kv4j.spi.BackendException b
                    && b.kind() == io.kv4j.spi.BackendException.Kind.UNAVAILABLE, timeout);
        }
    }

    private static void grantData(String schema, String role) throws Exception {
        admin("GRANT USAGE ON SCHEMA " + schema + " TO " + role);
        admin("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + schema + " TO "
                + role);
        admin("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + schema + " TO " + role);
    }

    private static void admin(String sql) throws Exception {
        try (Connection c = TestServer.get().admin(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
