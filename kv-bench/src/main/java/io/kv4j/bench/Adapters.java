package io.kv4j.bench;

import java.nio.file.Path;
import java.sql.SQLException;

/** The adapters a benchmark's {@code impl} parameter names. */
final class Adapters {

    /** kv4j itself, on whichever backend the benchmark uses. */
    static final String KV4J = "kv4j";
    /** kv4j counting by get and set, where {@link #KV4J} counts by {@code sum}. */
    static final String KV4J_GET_SET = "kv4j-get-set";
    /** {@link MapAdapter}. */
    static final String MAP = "map";
    /** {@link JdbcAdapter} in {@link JdbcAdapter.Style#TRANSACTION} style. */
    static final String JDBC = "jdbc";
    /** {@link JdbcAdapter} in {@link JdbcAdapter.Style#AUTOCOMMIT} style. */
    static final String JDBC_AUTOCOMMIT = "jdbc-autocommit";

    private Adapters() {
    }

    static Adapter memory(String impl) {
        return switch (impl) {
            case KV4J -> new Kv4jAdapter("kv:memory:");
            case MAP -> new MapAdapter();
            default -> throw new IllegalArgumentException("Unknown in-memory implementation '" + impl
                    + "': expected " + KV4J + " or " + MAP);
        };
    }

    static Adapter sqlite(String impl, Path file) throws SQLException {
        return switch (impl) {
            case KV4J -> new Kv4jAdapter("kv:sqlite:" + file);
            case JDBC -> new SqliteJdbcAdapter(file);
            default -> throw new IllegalArgumentException("Unknown SQLite implementation '" + impl
                    + "': expected " + KV4J + " or " + JDBC);
        };
    }

    static Adapter postgres(String impl, TrialDatabase database) throws SQLException {
        return switch (impl) {
            case KV4J -> new Kv4jAdapter(database.kvUrl());
            case KV4J_GET_SET -> new Kv4jAdapter(database.kvUrl(), false);
            case JDBC -> new JdbcAdapter(database.jdbcUrl(), JdbcAdapter.Style.TRANSACTION);
            case JDBC_AUTOCOMMIT -> new JdbcAdapter(database.jdbcUrl(), JdbcAdapter.Style.AUTOCOMMIT);
            default -> throw new IllegalArgumentException("Unknown PostgreSQL implementation '" + impl
                    + "': expected " + KV4J + ", " + KV4J_GET_SET + ", " + JDBC + " or "
                    + JDBC_AUTOCOMMIT);
        };
    }
}
