package io.kv4j.tck.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.DockerClientFactory;

/**
 * The container runs as a durable production server does, keeps its URL and its commits over
 * both kinds of restart, and has a password of its own. Skipped, saying so in one line, where no
 * Docker engine answers.
 */
@EnabledIf("dockerAnswers")
class TestcontainersPostgresFixtureTest {

    /** Whether a Docker engine answers; when none does, says in one line that this is skipped. */
    static boolean dockerAnswers() {
        boolean docker = DockerClientFactory.instance().isDockerAvailable();
        if (!docker) {
            System.out.println("Skipped TestcontainersPostgresFixtureTest: no Docker engine answers");
        }
        return docker;
    }

    @Test
    void theContainerIsDurable_andKeepsItsUrlAndCommitsOverRestarts() throws Exception {
        TestcontainersPostgresFixture fixture = new TestcontainersPostgresFixture();
        String url = fixture.start("kv:postgresql:?cache=false&password=ignored");
        try {
            Map<String, String> query = query(url);
            String db = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
            assertEquals("false", query.get("cache"), url);
            assertFalse(query.get("password").equals("ignored"), url);
            assertFalse((db + "?user=" + query.get("user")).contains(query.get("password")),
                    "the password is no other word of the URL: " + url);
            String jdbc = "jdbc:postgresql://" + url.substring("kv:postgresql://".length(),
                    url.indexOf('?'));
            try (Connection c = DriverManager.getConnection(jdbc, query.get("user"),
                    query.get("password")); Statement s = c.createStatement()) {
                assertEquals("on", show(s, "fsync"));
                assertEquals("on", show(s, "synchronous_commit"));
                s.execute("CREATE TABLE kept (n int)");
                s.execute("INSERT INTO kept VALUES (42)");
            }
            fixture.restart(true);
            fixture.restart(false);
            try (Connection c = DriverManager.getConnection(jdbc, query.get("user"),
                    query.get("password")); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT n FROM kept")) {
                assertTrue(r.next() && r.getInt(1) == 42, "a commit kept over the restarts");
            }
        } finally {
            fixture.stop();
        }
    }

    private static Map<String, String> query(String url) {
        Map<String, String> out = new HashMap<>();
        for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
            out.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        return out;
    }

    private static String show(Statement s, String setting) throws Exception {
        try (ResultSet r = s.executeQuery("SHOW " + setting)) {
            r.next();
            return r.getString(1);
        }
    }
}
