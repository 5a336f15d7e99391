package io.kv4j.tck.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The embedded server runs as a durable production server does, before and after restarts. */
class EmbeddedPostgresFixtureTest {

    @Test
    void theServerRunsWithFsyncAndSynchronousCommitOnAndKeepsCommitsOverAnImmediateRestart()
            throws Exception {
        EmbeddedPostgresFixture fixture = new EmbeddedPostgresFixture();
        String url = fixture.start("kv:postgresql:?cache=false");
        try {
            assertTrue(url.startsWith("kv:postgresql://localhost:") && url.endsWith(
                    "/postgres?user=postgres&cache=false"), url);
            String jdbc = "jdbc:postgresql://" + url.substring("kv:postgresql://".length(),
                    url.indexOf('?'));
            assertEquals(List.of("on", "on"), settings(jdbc), "fsync, synchronous_commit");
            try (Connection c = DriverManager.getConnection(jdbc, "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (n int)");
                s.execute("INSERT INTO kept VALUES (42)");
            }
            fixture.restart(true);
            assertEquals(List.of("on", "on"), settings(jdbc), "after an immediate restart");
            try (Connection c = DriverManager.getConnection(jdbc, "postgres", "");
                    Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                            "SELECT n FROM kept")) {
                assertTrue(r.next() && r.getInt(1) == 42, "a commit kept over the restart");
            }
            assertTrue(fixture.commitCuttingUrl().endsWith("/postgres?user=postgres&cache=false"),
                    fixture.commitCuttingUrl());
            assertTrue(fixture.unreachableUrl().contains("connect-timeout-ms=1000"),
                    fixture.unreachableUrl());
        } finally {
            fixture.stop();
        }
    }

    @Test
    void aUrlOfAnotherStoreIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new EmbeddedPostgresFixture().start("kv:memory:"));
        assertThrows(IllegalArgumentException.class, () -> new PostgresFixture().start(null));
    }

    private static List<String> settings(String jdbc) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "");
                Statement s = c.createStatement()) {
            for (String name : List.of("fsync", "synchronous_commit")) {
                try (ResultSet r = s.executeQuery("SHOW " + name)) {
                    r.next();
                    out.add(r.getString(1));
                }
            }
        }
        return out;
    }
}
