package io.kv4j.postgres;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.kv4j.spi.BackendUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Where the backend's connections come from: a HikariCP pool of its own, or an application's
 * {@link DataSource} ({@code data-source}), which it uses but never configures or closes. When the
 * application's source is a HikariCP pool, its state shows in health checks and timeouts, and a
 * lost connection drops its idle ones too.
 */
final class Pool implements AutoCloseable {

    private final DataSource source;
    /** The HikariCP pool behind the source, if there is one; null for another kind. */
    private final HikariDataSource hikari;
    private final boolean owned;

    private Pool(DataSource source, HikariDataSource hikari, boolean owned) {
        this.source = source;
        this.hikari = hikari;
        this.owned = owned;
    }

    /** The backend's own pool, which it closes. */
    static Pool own(HikariDataSource pool) {
        return new Pool(pool, pool, true);
    }

    /** An application's source, which the application closes. */
    static Pool of(DataSource application) {
        HikariDataSource hikari = null;
        try {
            if (application.isWrapperFor(HikariDataSource.class)) {
                hikari = application.unwrap(HikariDataSource.class);
            }
        } catch (SQLException e) {
            // not a HikariCP pool: used through the DataSource interface alone
        }
        return new Pool(application, hikari, false);
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

    /** The pool found no free connection in time: says why, from the pool's state. */
    BackendUnavailableException timeout(SQLException e, String what) {
        Throwable cause = e.getCause();
        String last = cause == null ? "" : "; last connection failure: " + cause.getMessage();
        if (hikari == null) {
            return new BackendUnavailableException(what + " found no free connection in the "
                    + "application's data source (" + e.getMessage() + ")" + last, e);
        }
        HikariPoolMXBean state = hikari.getHikariPoolMXBean();
        String counts = state == null ? "pool closed"
                : "active=" + state.getActiveConnections() + ", idle=" + state.getIdleConnections()
                        + ", waiting=" + state.getThreadsAwaitingConnection() + ", total="
                        + state.getTotalConnections();
        String settings = owned
                ? PgOption.POOL_TIMEOUT_MS.key() + "=" + hikari.getConnectionTimeout() + " ("
                        + PgOption.POOL_SIZE.key() + "=" + hikari.getMaximumPoolSize()
                : "the application's connectionTimeout=" + hikari.getConnectionTimeout()
                        + " (maximumPoolSize=" + hikari.getMaximumPoolSize();
        return new BackendUnavailableException(what + " found no free connection in pool "
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
