package io.kv4j.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The PostgreSQL servers the benchmarks run against: one embedded PostgreSQL per durability
 * setting. {@link BenchSuite} starts them once and hands their addresses to every benchmark JVM
 * in system properties, so kv4j and its baselines share one server; a benchmark JVM started
 * without them (by JMH's own main) starts its own.
 */
final class Servers {

    /** Durable commits: {@code fsync=on}, {@code synchronous_commit=on}. */
    static final String FSYNC_ON = "fsync-on";
    /** Commits not flushed to disk: {@code fsync=off}, {@code synchronous_commit=off}. */
    static final String FSYNC_OFF = "fsync-off";
    static final List<String> SETTINGS = List.of(FSYNC_ON, FSYNC_OFF);

    /** The superuser of the embedded server, which trusts local connections. */
    static final String USER = "postgres";
    private static final String PROPERTY_PREFIX = "kv.bench.postgres.";
    private static final Map<String, EmbeddedPostgres> STARTED = new HashMap<>();

    private Servers() {
    }

    /** The system property that carries the {@code host:port} of the server for a setting. */
    static String property(String setting) {
        return PROPERTY_PREFIX + requireSetting(setting);
    }

    /** The {@code host:port} of the server for a setting, started here when none was given. */
    static synchronized String address(String setting) throws IOException {
        String given = System.getProperty(property(setting));
        if (given != null && !given.isBlank()) {
            return given.trim();
        }
        EmbeddedPostgres server = STARTED.get(setting);
        if (server == null) {
            server = start(setting);
            STARTED.put(setting, server);
        }
        return address(server);
    }

    /** Stops the servers {@link #address(String)} started in this JVM. */
    static synchronized void stopStarted() throws IOException {
        for (EmbeddedPostgres server : STARTED.values()) {
            server.close();
        }
        STARTED.clear();
    }

    static String address(EmbeddedPostgres server) {
        return "localhost:" + server.getPort();
    }

    /** Starts an embedded PostgreSQL with a setting; the caller closes it. */
    static EmbeddedPostgres start(String setting) throws IOException {
        String onOff = requireSetting(setting).equals(FSYNC_ON) ? "on" : "off";
        return EmbeddedPostgres.builder()
                .setServerConfig("fsync", onOff)
                .setServerConfig("synchronous_commit", onOff)
                .start();
    }

    static String jdbcUrl(String address, String database) {
        return "jdbc:postgresql://" + address + "/" + database + "?user=" + USER;
    }

    /** Options added to kv4j's PostgreSQL URL, as {@code name=value&name=value}. */
    static final String OPTIONS_PROPERTY = "kv4j.bench.options";

    static String kvUrl(String address, String database) {
        // the same pool size as the JDBC baselines
        // for experiments, such as the cost of the cache: -Dkv4j.bench.options=cache=false
        String more = System.getProperty(OPTIONS_PROPERTY, "");
        return "kv:postgresql://" + address + "/" + database + "?user=" + USER + "&pool-size="
                + JdbcAdapter.POOL_SIZE + (more.isEmpty() ? "" : "&" + more);
    }

    /** How a setting reads in the table: {@code fsync=on} or {@code fsync=off}. */
    static String label(String setting) {
        return requireSetting(setting).equals(FSYNC_ON) ? "fsync=on" : "fsync=off";
    }

    /** The server's version and the settings that decide its commit speed, as PostgreSQL reports them. */
    static String describe(String address) throws SQLException {
        StringBuilder sb = new StringBuilder();
        try (Connection c = DriverManager.getConnection(jdbcUrl(address, "postgres"));
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SHOW server_version")) {
                rs.next();
                sb.append("PostgreSQL ").append(rs.getString(1));
            }
            for (String name : List.of("fsync", "synchronous_commit", "full_page_writes",
                    "shared_buffers", "max_connections")) {
                try (ResultSet rs = s.executeQuery("SHOW " + name)) {
                    rs.next();
                    sb.append(", ").append(name).append('=').append(rs.getString(1));
                }
            }
        }
        return sb.toString();
    }

    static String requireSetting(String setting) {
        if (!SETTINGS.contains(setting)) {
            throw new IllegalArgumentException("Unknown PostgreSQL setting '" + setting
                    + "': expected one of " + SETTINGS);
        }
        return setting;
    }
}
