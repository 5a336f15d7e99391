package io.kv4j.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.tck.Tck;
import io.kv4j.tck.postgres.EmbeddedPostgresFixture;
import io.kv4j.tck.postgres.PostgresFixture;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code kv tck --url <your server> --fixture postgres -P kv.tck.postgres.restart=...} on a server
 * that the kit did not start, as a user runs it against their own: with a command that restarts
 * the server, every MUST clause is tested and the run passes cleanly, and the schema the run
 * created is dropped at the end.
 */
class KitOnOwnServerTest {

    @Test
    void theKitPassesCleanlyOnOnesOwnServerGivenARestartCommandAndDropsItsSchema()
            throws Exception {
        Path data = Files.createTempDirectory("kv4j-own-postgres");
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().setDataDirectory(data)
                .setCleanDataDirectory(true).setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on").start()) {
            String url = "kv:postgresql://localhost:" + server.getPort()
                    + "/postgres?user=postgres&schema=own_kit";
            String restart = String.join(" ", EmbeddedPostgresFixture.pgCtl(data))
                    + " restart -m {mode} -w -t 60";
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int code = Tck.run(url, null, new PrintStream(bytes, true, StandardCharsets.UTF_8),
                    Map.of(Tck.FIXTURE, PostgresFixture.NAME, PostgresFixture.RESTART, restart));
            String output = bytes.toString(StandardCharsets.UTF_8);

            assertEquals(Tck.PASSED, code, output);
            assertTrue(output.contains("kv-tck: PASSED on kv:postgresql://localhost:"), output);
            assertTrue(output.contains("kv-tck: fixture: dropped the schema own_kit, which the run "
                    + "created\n"), output);
            try (Connection c = server.getPostgresDatabase().getConnection();
                    Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                            "SELECT count(*) FROM pg_namespace WHERE nspname = 'own_kit'")) {
                r.next();
                assertEquals(0, r.getInt(1), "the run's schema is gone");
            }
        }
    }
}
