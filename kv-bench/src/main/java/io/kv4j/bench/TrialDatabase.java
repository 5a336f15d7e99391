package io.kv4j.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fresh database for one benchmark trial, dropped at its end, so that no trial measures the
 * tables, bloat or cache left by another.
 */
final class TrialDatabase implements AutoCloseable {

    private final String address;
    private final String name;

    private TrialDatabase(String address, String name) {
        this.address = address;
        this.name = name;
    }

    static TrialDatabase create(String setting) throws IOException, SQLException {
        String address = Servers.address(setting);
        String name = "kv_bench_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
        execute(address, "postgres", "CREATE DATABASE " + name);
        return new TrialDatabase(address, name);
    }

    String jdbcUrl() {
        return Servers.jdbcUrl(address, name);
    }

    String kvUrl() {
        return Servers.kvUrl(address, name);
    }

    /** Brings statistics and the visibility map up to date after loading, as one would before measuring. */
    void vacuumAnalyze() throws SQLException {
        execute(address, name, "VACUUM ANALYZE");
    }

    @Override
    public void close() throws SQLException {
        execute(address, "postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(String address, String database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(Servers.jdbcUrl(address, database));
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
