package io.kv4j.tck.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.tck.TckFixture;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fixture for a server that runs already, on one the test starts as a vendor's own: it
 * restarts the server through the command it is given, says what would let it when it is given
 * none, and drops the schema a run created, or says what it left in one that existed.
 */
class PostgresFixtureTest {

    private static Path data;
    private static EmbeddedPostgres server;
    private static String url;

    @BeforeAll
    static void startTheVendorsServer() throws Exception {
        data = Files.createTempDirectory("kv4j-vendor-postgres");
        // as a production server runs: a commit that returned survives an immediate stop
        server = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(true)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .start();
        url = "kv:postgresql://localhost:" + server.getPort() + "/postgres?user=postgres";
    }

    @AfterAll
    static void stopIt() throws Exception {
        server.close();
    }

    private static Optional<String> none(String name) {
        return Optional.empty();
    }

    @Test
    void withoutARestartCommandItCannotRestartAndSaysWhatWould() throws Exception {
        PostgresFixture fixture = new PostgresFixture();
        fixture.start(url + "&schema=vendor_none", PostgresFixtureTest::none);
        try {
            assertFalse(fixture.canRestart());
            assertEquals("set kv.tck.postgres.restart to a command that restarts the server "
                    + "keeping its data, {mode} standing for fast or immediate, such as 'pg_ctl -D "
                    + "DATADIR restart -m {mode} -w'", fixture.howToOffer(TckFixture.Hook.RESTART));
            assertNull(fixture.howToOffer(TckFixture.Hook.UNREACHABLE_URL), "it offers that one");
        } finally {
            fixture.stop();
        }
    }

    @Test
    void aRestartCommandWithoutTheModeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PostgresFixture().start(url,
                name -> Optional.ofNullable(Map.of(PostgresFixture.RESTART, "pg_ctl restart")
                        .get(name))));
    }

    @Test
    void theRestartCommandRestartsTheServerKeepingItsData() throws Exception {
        String command = String.join(" ", EmbeddedPostgresFixture.pgCtl(data))
                + " restart -m {mode} -w -t 60";
        PostgresFixture fixture = new PostgresFixture();
        fixture.start(url + "&schema=vendor_restart", name -> Optional.ofNullable(
                Map.of(PostgresFixture.RESTART, command).get(name)));
        try {
            assertTrue(fixture.canRestart());
            sql("CREATE TABLE IF NOT EXISTS kept (n int); INSERT INTO kept VALUES (42)");
            long before = postmaster();
            fixture.restart(true);
            long between = postmaster();
            fixture.restart(false);
            assertTrue(before != between && between != postmaster(), "the server was restarted "
                    + "twice: postmasters " + before + ", " + between + ", " + postmaster());
            assertEquals(42, count("SELECT n FROM kept"), "a commit kept over the restarts");
        } finally {
            fixture.stop();
        }
    }

    @Test
    void aSchemaTheRunCreatedIsDroppedAndOneThatExistedIsLeftSayingWhatIsInIt() throws Exception {
        PostgresFixture made = new PostgresFixture();
        made.start(url + "&schema=vendor_made", PostgresFixtureTest::none);
        sql("CREATE SCHEMA vendor_made; CREATE TABLE vendor_made.entries (k text)");
        made.stop();
        assertEquals("dropped the schema vendor_made, which the run created", made.cleanUp());
        assertEquals(0, count("SELECT count(*) FROM pg_namespace WHERE nspname = 'vendor_made'"));

        sql("CREATE SCHEMA vendor_kept; CREATE TABLE vendor_kept.commits "
                + "(id int, at timestamptz NOT NULL DEFAULT now()); "
                + "INSERT INTO vendor_kept.commits (id, at) VALUES (1, now() - interval '1 hour')");
        PostgresFixture kept = new PostgresFixture();
        kept.start(url + "&schema=vendor_kept", PostgresFixtureTest::none);
        sql("INSERT INTO vendor_kept.commits (id) VALUES (2), (3)");
        kept.stop();
        assertEquals("left the schema vendor_kept, which existed before the run, and in "
                + "vendor_kept.commits the ids of 2 commits made during the run, by which a commit "
                + "whose answer was lost is looked up (KV-9.5); the backend deletes them after "
                + "commit-id-retention-ms (10 minutes unless set)", kept.cleanUp());
        assertEquals(3, count("SELECT count(*) FROM vendor_kept.commits"), "nothing deleted");
    }

    private static void sql(String statements) throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute(statements);
        }
    }

    private static long count(String query) throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static long postmaster() throws Exception {
        return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
    }
}
