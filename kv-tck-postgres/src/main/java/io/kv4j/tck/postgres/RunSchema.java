package io.kv4j.tck.postgres;

import io.kv4j.common.KvUrl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Map;
import java.util.Properties;

/**
 * What a kit run leaves in the schema of a {@code kv:postgresql:} URL beyond the kit's functions,
 * which the kit deletes itself: the schema, when the backend created it for the run, and the ids
 * of the run's commits, which the backend keeps for {@code commit-id-retention-ms} so that a lost
 * answer can be looked up (KV-9.5). A schema the run created is dropped at the end; one that
 * existed before is left, and the run's output says so and why.
 */
final class RunSchema {

    private final String url;
    private final String schema;
    private final boolean existed;
    private final Timestamp since;
    private final String unknown;

    private RunSchema(String url, String schema, boolean existed, Timestamp since, String unknown) {
        this.url = url;
        this.schema = schema;
        this.existed = existed;
        this.since = since;
        this.unknown = unknown;
    }

    /** Notes, before the run, whether the URL's schema exists and the server's time. */
    static RunSchema before(String url) {
        String schema = PostgresFixture.schema(url);
        try (Connection c = connect(url); PreparedStatement s = c.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = ?), now()")) {
            s.setString(1, schema);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new RunSchema(url, schema, r.getBoolean(1), r.getTimestamp(2), null);
            }
        } catch (SQLException | IOException | RuntimeException e) {
            return new RunSchema(url, schema, true, null, e.getMessage());
        }
    }

    /**
     * After the run, when the kit's stores are closed: drops the schema if the run created it.
     *
     * @return what was dropped, or what is left and why
     */
    String after() {
        if (unknown != null) {
            return "left the schema " + schema + ": could not tell whether the run created it ("
                    + unknown + ")";
        }
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            if (!existed) {
                s.execute("SET lock_timeout = '10s'");
                s.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
                return "dropped the schema " + schema + ", which the run created";
            }
            long ids = 0;
            try (PreparedStatement q = c.prepareStatement("SELECT count(*) FROM \"" + schema
                    + "\".commits WHERE at >= ?")) {
                q.setTimestamp(1, since);
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    ids = r.getLong(1);
                }
            } catch (SQLException e) {
                // a schema without the table of commit ids: nothing of the run is left in it
            }
            return "left the schema " + schema + ", which existed before the run"
                    + (ids == 0 ? "" : ", and in " + schema + ".commits the ids of " + ids
                    + " commits made during the run, by which a commit whose answer was lost is "
                    + "looked up (KV-9.5); the backend deletes them after commit-id-retention-ms "
                    + "(10 minutes unless set)");
        } catch (SQLException | IOException | RuntimeException e) {
            return "left the schema " + schema + (existed ? ", which existed before the run" : "")
                    + ": could not " + (existed ? "look into" : "drop") + " it (" + e.getMessage()
                    + ")";
        }
    }

    /** The server and database of the URL, as its user and password options give them. */
    static Connection connect(String url) throws SQLException, IOException {
        String base = KvUrl.withoutQuery(url);
        Map<String, String> options = KvUrl.queryOptions(url);
        Properties p = new Properties();
        if (options.containsKey("user")) {
            p.setProperty("user", options.get("user"));
        }
        if (options.containsKey("password")) {
            p.setProperty("password", options.get("password"));
        } else if (options.containsKey("password-file")) {
            p.setProperty("password", Files.readAllLines(Path.of(options.get("password-file")))
                    .get(0));
        }
        p.setProperty("connectTimeout", "10");
        return DriverManager.getConnection("jdbc:" + base.substring("kv:".length()), p);
    }
}
