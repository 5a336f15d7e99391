package io.kv4j.postgres;

import io.kv4j.spi.BackendConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates and upgrades the schema, or checks it when migrations are off.
 *
 * <p>Each version is one script, applied once and recorded in {@code schema_version}. Opening runs
 * in one transaction that first takes an advisory lock derived from the schema name, so that
 * processes opening at the same time apply each script once, one after the other.
 */
final class Migrations {

    private static final System.Logger LOG = System.getLogger("io.kv4j.postgres");

    /** The scripts, version 1 first. */
    private static final String[] SCRIPTS = {"V1__entries.sql", "V2__locking_commit.sql",
        "V3__commit_ids.sql"};
    static final int LATEST = SCRIPTS.length;
    /** The high half of every migration lock key: "kv4j" in ASCII. */
    private static final long LOCK_SPACE = 0x6b76346aL << 32;

    private Migrations() {
    }

    /** The advisory lock that serialises migrations of one schema. */
    static long lockKey(String schema) {
        return LOCK_SPACE | (schema.hashCode() & 0xffffffffL);
    }

    /**
     * The seed of the commit function's advisory lock ids: a number of the schema's own, so that
     * two schemas in one database rarely share a lock id (sharing one only makes commits wait).
     */
    static long lockSeed(String schema) {
        return schema.hashCode();
    }

    /**
     * Brings the schema to {@link #LATEST}, or checks that it is there.
     *
     * @throws BackendConfigurationException when the schema is missing or old and {@code migrate}
     *     is off,
     *     or when it is newer than this library
     * @throws SQLException when the database refuses
     */
    static void apply(Connection c, PgSettings settings, boolean migrate) throws SQLException {
        String schema = settings.schema();
        requireServer(c, settings);
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            // read first: an up-to-date schema needs no lock and no DDL, so a role with data
            // rights alone can open it
            int current = check(c, settings, migrate);
            if (current < LATEST) {
                try {
                    st.execute("SELECT pg_advisory_xact_lock(" + lockKey(schema) + ")");
                    st.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
                    st.execute("CREATE TABLE IF NOT EXISTS " + schema + ".schema_version ("
                            + "version int PRIMARY KEY, "
                            + "applied_at timestamptz NOT NULL DEFAULT now(), "
                            + "script text NOT NULL)");
                    // another process may have migrated while this one waited for the lock
                    current = check(c, settings, migrate);
                    for (int v = Math.max(current, 0) + 1; v <= LATEST; v++) {
                        String script = SCRIPTS[v - 1];
                        st.execute(load(script).replace("${schema}", schema)
                                .replace("${channel}", settings.channel())
                                .replace("${seed}", String.valueOf(lockSeed(schema))));
                        try (PreparedStatement ins = c.prepareStatement("INSERT INTO " + schema
                                + ".schema_version (version, script) VALUES (?, ?)")) {
                            ins.setInt(1, v);
                            ins.setString(2, script);
                            ins.executeUpdate();
                        }
                        LOG.log(System.Logger.Level.INFO, "Migrating schema {0} of {1} to version"
                                + " {2} ({3})", schema, settings.url(), v, script);
                    }
                } catch (SQLException e) {
                    if ("42501".equals(e.getSQLState())) {
                        throw new BackendConfigurationException("Migrating schema '" + schema
                                + "' of " + settings.url() + " to version " + LATEST + " (it is "
                                + (current < 0 ? "missing" : "at version " + current) + ") needs "
                                + "rights the user lacks: " + e.getMessage() + ". Migrate once as "
                                + "a role that may create the schema (CREATE on the database) or "
                                + "owns it, then open with this user; with migrate=false a "
                                + "pending migration is reported instead of tried",
                                e.getSQLState(), e);
                    }
                    throw e;
                }
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /**
     * The schema's version, checked: newer than this library is refused, and older is refused
     * when {@code migrate} is off.
     */
    private static int check(Connection c, PgSettings settings, boolean migrate)
            throws SQLException {
        String schema = settings.schema();
        int current = currentVersion(c, schema);
        if (current > LATEST) {
            throw new BackendConfigurationException("The schema '" + schema + "' of "
                    + settings.url() + " is at version " + current + ", newer than this kv4j "
                    + "supports (" + LATEST + "): upgrade kv4j", null);
        }
        if (current < LATEST && !migrate) {
            throw new BackendConfigurationException("The schema '" + schema + "' of "
                    + settings.url() + (current < 0 ? " does not exist or has no kv4j tables"
                            : " is at version " + current + " but this kv4j needs " + LATEST)
                    + ", and option migrate=false: open once with migrate=true, or apply the "
                    + "scripts in the README", null);
        }
        return current;
    }

    /** The recorded version, or -1 when there is no version table. */
    private static int currentVersion(Connection c, String schema) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, schema + ".schema_version");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return -1;
                }
            }
        }
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM " + schema
                        + ".schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * Keys and values may hold any character: only a UTF-8 database can store them all. And the
     * commit's isolation rests on PostgreSQL's advisory locks, which some servers that speak its
     * protocol accept without locking across the cluster: those are refused.
     */
    private static void requireServer(Connection c, PgSettings settings) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT current_setting('server_encoding'), version()")) {
            rs.next();
            String encoding = rs.getString(1);
            if (!"UTF8".equals(encoding)) {
                throw new BackendConfigurationException("The database of " + settings.url()
                        + " has encoding " + encoding + "; kv4j needs a UTF8 database "
                        + "(CREATE DATABASE ... ENCODING 'UTF8')", null);
            }
            String engine = unsupportedEngine(rs.getString(2));
            if (engine != null) {
                throw new BackendConfigurationException(settings.url() + " is " + engine
                        + ", not PostgreSQL: kv4j's commits need PostgreSQL's advisory locks,"
                        + " which it does not provide across its nodes (see \"Distributed"
                        + " PostgreSQL-compatible engines\" in the backend's README)", null);
            }
        }
    }

    /** The name of a server that is not PostgreSQL, from its {@code version()}; else null. */
    static String unsupportedEngine(String version) {
        if (version == null) {
            return null;
        }
        if (version.contains("CockroachDB")) {
            return "CockroachDB";
        }
        if (version.contains("-YB-")) {
            return "YugabyteDB";
        }
        return null;
    }

    static String load(String script) {
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
