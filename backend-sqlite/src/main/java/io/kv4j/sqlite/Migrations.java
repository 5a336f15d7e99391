package io.kv4j.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Creates and upgrades the schema, or checks it when migrations are off. Each version is one
 * script, applied once and recorded in {@code schema_version}, inside one {@code BEGIN
 * IMMEDIATE} transaction: processes that open a new file at the same time take turns, and the
 * second finds the work done.
 */
final class Migrations {

    private static final System.Logger LOG = System.getLogger("io.kv4j.sqlite");

    /** The scripts, version 1 first. */
    private static final String[] SCRIPTS = {"V1__entries.sql"};
    static final int LATEST = SCRIPTS.length;

    private Migrations() {
    }

    /**
     * Puts the file in WAL mode and brings its schema to {@link #LATEST}, or checks that it is
     * there.
     *
     * @throws io.kv4j.spi.BackendConfigurationException when the schema is missing or old and
     *     {@code migrate} is off, newer than this library, or the file is not UTF-8
     */
    static void apply(Session s, SqliteSettings settings) throws SQLException {
        // readers never wait for the writer only in WAL mode; the mode is kept in the file
        String mode = text(s, "PRAGMA journal_mode = WAL");
        if (!"wal".equalsIgnoreCase(mode)) {
            throw Failures.configuration("The SQLite file " + settings.file() + " stays in "
                    + "journal mode " + mode + " instead of WAL (a file on a network share or "
                    + "opened by another tool in exclusive mode?)");
        }
        if (settings.migrate()) {
            s.execute("BEGIN IMMEDIATE");
        }
        try {
            int current = check(s, settings);
            if (current < LATEST) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                        + "version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL, "
                        + "script TEXT NOT NULL)");
                for (int v = current + 1; v <= LATEST; v++) {
                    for (String statement : load(SCRIPTS[v - 1]).split(";\\s*(\\n|$)")) {
                        if (!statement.isBlank()) {
                            s.execute(statement);
                        }
                    }
                    PreparedStatement ins = s.prepare("INSERT INTO schema_version "
                            + "(version, applied_at, script) VALUES (?, ?, ?)");
                    ins.setInt(1, v);
                    ins.setString(2, Instant.now().toString());
                    ins.setString(3, SCRIPTS[v - 1]);
                    ins.executeUpdate();
                    LOG.log(System.Logger.Level.INFO, "Migrating {0} to version {1} ({2})",
                            settings.file(), v, SCRIPTS[v - 1]);
                }
            }
            if (settings.migrate()) {
                s.execute("COMMIT");
            }
        } catch (SQLException | RuntimeException e) {
            s.rollbackQuietly();
            throw e;
        }
    }

    /**
     * The schema's version, 0 for none, checked: newer than this library is refused, and older
     * when {@code migrate} is off; and keys sort right only in a UTF-8 file.
     */
    private static int check(Session s, SqliteSettings settings) throws SQLException {
        String encoding = text(s, "PRAGMA encoding");
        if (!"UTF-8".equalsIgnoreCase(encoding)) {
            throw Failures.configuration("The SQLite file " + settings.file() + " has encoding "
                    + encoding + "; kv4j needs UTF-8, in which SQLite sorts keys in their order");
        }
        int current = 0;
        if (text(s, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                + "AND name = 'schema_version'") != null) {
            current = Integer.parseInt(text(s, "SELECT coalesce(max(version), 0) FROM "
                    + "schema_version"));
        }
        if (current > LATEST) {
            throw Failures.configuration("The SQLite file " + settings.file() + " is at schema "
                    + "version " + current + ", newer than this kv4j supports (" + LATEST
                    + "): upgrade kv4j");
        }
        if (current < LATEST && !settings.migrate()) {
            throw Failures.configuration("The SQLite file " + settings.file()
                    + (current == 0 ? " has no kv4j tables" : " is at schema version " + current
                            + " but this kv4j needs " + LATEST)
                    + ", and option migrate=false: open it once with migrate=true");
        }
        return current;
    }

    /** The first column of the first row, or null when there is none. */
    private static String text(Session s, String sql) throws SQLException {
        try (ResultSet rs = s.prepare(sql).executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static String load(String script) {
        try (InputStream in = Migrations.class.getResourceAsStream(script)) {
            if (in == null) {
                throw new IllegalStateException("Missing migration script " + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read migration script " + script, e);
        }
    }
}
