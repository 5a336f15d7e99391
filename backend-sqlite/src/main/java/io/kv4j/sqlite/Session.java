package io.kv4j.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * One connection to the file and the statements prepared on it, used by one thread at a time:
 * preparing each statement once per connection spares SQLite's parser on every call.
 */
final class Session implements AutoCloseable {

    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    Session(Connection connection) {
        this.connection = connection;
    }

    /** The statement for {@code sql}, prepared on first use; its parameters are left as set. */
    PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement ps = prepared.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            prepared.put(sql, ps);
        }
        return ps;
    }

    /** Runs a statement without parameters or results, such as {@code BEGIN IMMEDIATE}. */
    void execute(String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    /**
     * Rolls back the transaction under way, if any. SQLite has already rolled back after some
     * failures, and then refuses with "no transaction is active", which is what was wanted.
     */
    void rollbackQuietly() {
        try {
            execute("ROLLBACK");
        } catch (SQLException e) {
            // nothing open, or the connection is gone: either way nothing of it will commit
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing releases the file's locks whatever it reports; nothing to mend
        }
    }
}
