package io.kv4j.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.kv4j.KvStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

/**
 * SPEC KV-11.8 on PostgreSQL: with the driver logging everything, no record holds a secret. The
 * driver logs the JDBC URL it connects with, so secrets must reach it as connection properties.
 */
class SecretsInLogsTest {

    private static final String ROLE = "kv4j_password_user";
    private static final String PASSWORD = "Right&Secret-7f3a";
    private static final String SSL_PASSWORD = "Ssl-Key-Secret-91c";

    @Test
    void driverLoggingAtFinest_showsNeitherPasswordNorSslPassword() throws Exception {
        TestServer.get().passwordRole(ROLE, PASSWORD);
        String schema = TestServer.freshSchema("logs");
        Backends.store(schema).close();
        try (java.sql.Connection c = TestServer.get().admin();
                java.sql.Statement st = c.createStatement()) {
            st.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + ROLE);
            st.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + schema
                    + " TO " + ROLE);
            st.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + schema + " TO " + ROLE);
        }
        List<String> records = new CopyOnWriteArrayList<>();
        SimpleFormatter format = new SimpleFormatter();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                StringBuilder text = new StringBuilder(r.getLoggerName() + ": "
                        + format.formatMessage(r));
                for (Throwable t = r.getThrown(); t != null; t = t.getCause()) {
                    text.append(" | ").append(t);
                }
                records.add(text.toString());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(Level.ALL);
        List<Logger> raised = new ArrayList<>();
        for (String name : List.of("org.postgresql", "io.kv4j", "com.zaxxer")) {
            Logger l = Logger.getLogger(name);
            raised.add(l);
            l.setLevel(Level.FINEST);
            l.addHandler(handler);
        }
        try (KvStore store = KvStore.open(TestServer.get().url() + "?user=" + ROLE
                + "&password=" + PASSWORD.replace("&", "%26") + "&sslpassword=" + SSL_PASSWORD,
                Map.of("schema", schema))) {
            store.run("F", kv -> {
                kv.set("k", 1);
                return null;
            });
            assertEquals(1, store.reader("F").get("k", Integer.class));
        } finally {
            for (Logger l : raised) {
                l.removeHandler(handler);
                l.setLevel(null);
            }
        }
        assertFalse(records.stream().noneMatch(r -> r.startsWith("org.postgresql")),
                "the driver logged nothing at FINEST: " + records);
        for (String r : records) {
            assertFalse(r.contains(PASSWORD) || r.contains("Right%26Secret"), "the password in: "
                    + r.replace(PASSWORD, "<!>"));
            assertFalse(r.contains(SSL_PASSWORD), "the SSL key's password in: "
                    + r.replace(SSL_PASSWORD, "<!>"));
        }
    }
}
