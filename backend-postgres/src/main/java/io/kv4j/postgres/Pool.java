package io.kv4j.postgres;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.kv4j.spi.BackendException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Where the backend's connections come from: a HikariCP pool of its own, or an application's
 * {@link DataSource} ({@code data-source}), which it uses but never configures or closes. When the
 * application's source is a HikariCP pool, its state shows in health checks and timeouts, and a
 * lost connection drops its idle ones too.
 */
final class Pool implements AutoCloseable {

    /** Work on a connection of the pool. */
    interface Work<T> {
        T on(Connection c) throws SQLException;
    }

    private final DataSource source;
    /** The HikariCP pool behind the source, if there is one; null for another kind. */
    private final HikariDataSource hikari;
    private final boolean owned;
    private final long againNanos;
    /** The store's schema, whose rights a "permission denied" is explained by. */
    private final String schema;

    private Pool(DataSource source, HikariDataSource hikari, boolean owned, long againMs,
            String schema) {
        this.source = source;
        this.hikari = hikari;
        this.owned = owned;
        this.againNanos = TimeUnit.MILLISECONDS.toNanos(againMs);
        this.schema = schema;
    }

    /**
     * The backend's own pool, which it closes.
     *
     * @param againMs how long {@link #again} tries work whose connection was lost
     * @param schema the store's schema
     */
    static Pool own(HikariDataSource pool, long againMs, String schema) {
        return new Pool(pool, pool, true, againMs, schema);
    }

    /**
     * An application's source, which the application closes.
     *
     * @param againMs how long {@link #again} tries work whose connection was lost
     * @param schema the store's schema
     */
    static Pool of(DataSource application, long againMs, String schema) {
        HikariDataSource hikari = null;
        try {
            if (application.isWrapperFor(HikariDataSource.class)) {
                hikari = application.unwrap(HikariDataSource.class);
            }
        } catch (SQLException e) {
            // not a HikariCP pool: used through the DataSource interface alone
        }
        return new Pool(application, hikari, false, againMs, schema);
    }

    /** The source, for the parts that only take connections (the notifier, the id expiry). */
    DataSource dataSource() {
        return source;
    }

    /**
     * A connection in autocommit mode: every statement the backend sends manages its own
     * transaction. A pool that hands out connections with autocommit off gets them back with it on.
     */
    Connection get() throws SQLException {
        Connection c = source.getConnection();
        try {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** A connection, or the failure to get one as the SPI reports it. */
    Connection connection(String what) {
        try {
            return get();
        } catch (SQLException e) {
            throw Failures.of(e, what, this);
        }
    }

    /**
     * Runs work that is safe to run again (a read, a check without writes) on a connection.
     * When the connection turns out to be lost, such as one whose server session was ended while
     * it sat in the pool, or by a restart or failover while it ran, the work runs again at once
     * on a fresh connection, and then every {@value RecoveringDataSource#RETRY_MS} ms for up to
     * {@code connect-timeout-ms}.
     *
     * @param what what the work does, for messages
     */
    <T> T again(String what, Work<T> work) {
        long deadline = System.nanoTime() + againNanos;
        for (int attempt = 0; ; attempt++) {
            Connection c = connection(what);
            try {
                return work.on(c);
            } catch (SQLException e) {
                if (!Failures.isConnectionLost(e) || System.nanoTime() - deadline >= 0) {
                    throw failure(e, what, c);
                }
                lost(c);
            } finally {
                close(c);
            }
            if (attempt > 0) {
                pause(RecoveringDataSource.RETRY_MS);
            }
        }
    }

    /**
     * The failure of work on a connection, as the SPI reports it; for "permission denied", the
     * rights the user lacks are read on the same connection and named.
     */
    RuntimeException failure(SQLException e, String what, Connection c) {
        return Failures.of(e, what, this, "42501".equals(e.getSQLState())
                ? Privileges.lacking(c, schema) : null);
    }

    /** A failed transaction block stays aborted: it is ended before the pool hands it out. */
    void rollback(Connection c) {
        try (Statement st = c.createStatement()) {
            st.execute("ROLLBACK");
        } catch (SQLException e) {
            broken(c);
        }
    }

    /** Gives a connection back; one the pool has dropped as broken may fail to close. */
    static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // the pool has already dropped a broken connection
        }
    }

    static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A connection turned out lost: it is dropped, and so are the idle ones, which a server that
     * ended one session (a restart, a failover) has most likely ended as well; the ones in use are
     * dropped when they come back. The next requests then connect afresh instead of each finding
     * a dead connection first.
     */
    void lost(Connection c) {
        if (hikari != null) {
            hikari.evictConnection(c);
            HikariPoolMXBean state = hikari.getHikariPoolMXBean();
            if (state != null) {
                state.softEvictConnections();
            }
        } else {
            abort(c);
        }
    }

    /** A connection in a state the backend cannot repair: it is dropped from the pool. */
    void broken(Connection c) {
        if (hikari != null) {
            hikari.evictConnection(c);
        } else {
            abort(c);
        }
    }

    private static void abort(Connection c) {
        try {
            c.abort(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            // it is being dropped either way
        }
    }

    /** The pool's state for a health check, when it is known. */
    Map<String, Object> state() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("pool", owned ? "own" : "application's");
        HikariPoolMXBean state = hikari == null ? null : hikari.getHikariPoolMXBean();
        if (state != null) {
            out.put("pool-active", state.getActiveConnections());
            out.put("pool-idle", state.getIdleConnections());
            out.put("pool-waiting", state.getThreadsAwaitingConnection());
            out.put("pool-size", hikari.getMaximumPoolSize());
        }
        return out;
    }

    /**
     * Whether a failure to get a connection was the pool's timeout rather than the server's
     * answer.
     */
    boolean isTimeout(SQLException e) {
        return e instanceof SQLTransientConnectionException;
    }

    /**
     * The pool found no free connection in time: says why. When it has no connection at all, or
     * its own attempts to connect are failing, the server is out of reach, and the message names
     * it and the last connection failure first; otherwise every connection was busy, and it gives
     * the pool's state.
     */
    BackendException timeout(SQLException e, String what) {
        Throwable cause = e.getCause();
        String last = cause == null ? "" : "; last connection failure: " + cause.getMessage();
        if (hikari == null) {
            return BackendException.unavailable(what + " found no free connection in the "
                    + "application's data source (" + e.getMessage() + ")" + last, e);
        }
        HikariPoolMXBean state = hikari.getHikariPoolMXBean();
        String counts = state == null ? "pool closed"
                : "active=" + state.getActiveConnections() + ", idle=" + state.getIdleConnections()
                        + ", waiting=" + state.getThreadsAwaitingConnection() + ", total="
                        + state.getTotalConnections();
        String settings = owned
                ? PgOption.POOL_TIMEOUT_MS.name() + "=" + hikari.getConnectionTimeout() + " ("
                        + PgOption.POOL_SIZE.name() + "=" + hikari.getMaximumPoolSize()
                : "the application's connectionTimeout=" + hikari.getConnectionTimeout()
                        + " (maximumPoolSize=" + hikari.getMaximumPoolSize();
        if (hikari.getDataSource() instanceof RecoveringDataSource server) {
            // its own failure is the newest; the pool's may be older, or of a connection that
            // the server closed as it went away ("This connection has been closed")
            Throwable failure = server.lastFailure() != null ? server.lastFailure() : cause;
            if (server.lastFailure() != null || state != null && state.getTotalConnections() == 0) {
                return BackendException.unavailable(what + " failed: PostgreSQL at "
                        + server.servers() + " could not be reached within " + settings + ")"
                        + (failure == null ? "" : ": " + (failure instanceof SQLException f
                                ? Failures.describe(f) : failure.toString()))
                        + " (pool " + hikari.getPoolName() + ": " + counts + ")", e);
            }
        }
        return BackendException.unavailable(what + " found no free connection in pool "
                + hikari.getPoolName() + " within " + settings + "; " + counts + ")" + last, e);
    }

    /** Closes the pool if it is the backend's own; an application's stays open. */
    @Override
    public void close() {
        if (owned) {
            hikari.close();
        }
    }
}
