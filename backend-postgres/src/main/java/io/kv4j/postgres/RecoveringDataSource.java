package io.kv4j.postgres;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The pool's source of new connections. Once the store is open, a connection attempt that fails
 * because the server is unreachable or starting up is made again every
 * {@value #RETRY_MS} ms, for up to a bound, instead of failing at once: the pool backs off
 * exponentially (up to 5 s) after each failed attempt, so after a restart it would otherwise
 * leave requests waiting for seconds after the server is back. Before the store is open, one
 * attempt decides, so that a wrong address or password is reported at once.
 */
final class RecoveringDataSource implements DataSource {

    /** How often a lost server is tried again while it is down. */
    static final long RETRY_MS = 100;

    private final DataSource source;
    private final String servers;
    private final long patienceNanos;
    private volatile boolean open;
    /** The connection that opened the store, handed out first; null once taken, or if none. */
    private Connection first;
    /** Why the last attempt to connect failed; null once one succeeded since. */
    private volatile SQLException lastFailure;

    /**
     * @param source where connections come from
     * @param servers the servers it connects to, as {@code host:port,...}, for messages
     * @param patienceMs how long one attempt keeps trying once the store is open
     * @param first a connection already made, to hand out first; or null
     */
    RecoveringDataSource(DataSource source, String servers, long patienceMs, Connection first) {
        this.source = source;
        this.servers = servers;
        this.patienceNanos = TimeUnit.MILLISECONDS.toNanos(patienceMs);
        this.first = first;
    }

    /** The first connection if nobody took it, which the caller then closes; else null. */
    synchronized Connection unclaimed() {
        Connection c = first;
        first = null;
        return c;
    }

    /** The servers it connects to, as {@code host:port,...}. */
    String servers() {
        return servers;
    }

    /**
     * Why the last attempt to connect failed, or null when the last one succeeded: the server
     * being unreachable now, rather than whatever the pool saw last.
     */
    SQLException lastFailure() {
        return lastFailure;
    }

    /** The store is open: from now on, outages are waited out. */
    void opened() {
        open = true;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection made = unclaimed();
        if (made != null) {
            return made;
        }
        long deadline = System.nanoTime() + patienceNanos;
        while (true) {
            try {
                Connection c = source.getConnection();
                lastFailure = null;
                return c;
            } catch (SQLException e) {
                lastFailure = e;
                if (!open || !Failures.isUnavailable(e) || Failures.isConfiguration(e)
                        || System.nanoTime() - deadline >= 0) {
                    throw e;
                }
            }
            try {
                Thread.sleep(RETRY_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("Interrupted while waiting for PostgreSQL", "08001", e);
            }
        }
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool connects as the configured user");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return source.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        source.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        source.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return source.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return source.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return source.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || source.isWrapperFor(iface);
    }
}
