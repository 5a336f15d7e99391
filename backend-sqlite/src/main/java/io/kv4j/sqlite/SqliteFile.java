package io.kv4j.sqlite;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.JDBC;
import org.sqlite.SQLiteConfig;

/**
 * The connections of one store to its file: one writer, taken by one thread at a time, and up to
 * {@code read-connections} readers.
 *
 * <p>SQLite lets one connection write at a time and, in WAL mode, lets readers read the last
 * committed state while it does. Across processes its file locks decide; inside this process the
 * writer's lock makes commits take turns before they reach SQLite's lock, fairly, in the order
 * they came. Every wait is bounded by {@code busy-timeout-ms}: SQLite's busy handler for locks
 * held by other connections, and this class for its own writer and readers.
 */
final class SqliteFile implements AutoCloseable {

    /** Work on a session that may fail in SQLite. */
    interface Work<T> {
        T run(Session session) throws SQLException;
    }

    private final SqliteSettings settings;
    private final Faults.Fault fault;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final Session writer;
    private final BlockingQueue<Session> idle;
    private final List<Session> opened = new ArrayList<>();
    private volatile boolean closed;

    /**
     * Opens the writer's connection, which creates the file when it is missing and
     * {@code create} is true.
     */
    SqliteFile(SqliteSettings settings, boolean create) throws SQLException {
        this.settings = settings;
        this.fault = Faults.of(settings.url());
        this.idle = new ArrayBlockingQueue<>(settings.readConnections());
        this.writer = connect(create);
    }

    SqliteSettings settings() {
        return settings;
    }

    Faults.Fault fault() {
        return fault;
    }

    private Session connect(boolean create) throws SQLException {
        if (fault != null) {
            fault.checkReachable();
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(settings.busyTimeoutMs());
        // else the driver follows every INSERT with a SELECT last_insert_rowid() of its own,
        // prepared and run each time: a commit's upsert and its id would cost four statements
        config.setGetGeneratedKeys(false);
        config.setSynchronous(settings.fullSync() ? SQLiteConfig.SynchronousMode.FULL
                : SQLiteConfig.SynchronousMode.NORMAL);
        if (!create) {
            config.resetOpenMode(org.sqlite.SQLiteOpenMode.CREATE);
        }
        Properties properties = config.toProperties();
        Session session = new Session(JDBC.createConnection(JDBC.PREFIX + settings.file(),
                properties));
        synchronized (opened) {
            if (closed) {
                session.close();
                throw new IllegalStateException("The SQLite store of " + settings.url()
                        + " is closed");
            }
            opened.add(session);
        }
        return session;
    }

    /** Runs work on the writer, once the commits ahead of it in this process are done. */
    <T> T write(Work<T> work) throws SQLException {
        requireOpen();
        boolean locked;
        try {
            locked = writeLock.tryLock(settings.busyTimeoutMs(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting for the writer", e);
        }
        if (!locked) {
            throw busy("the writer of this process");
        }
        try {
            requireOpen();
            return work.run(writer);
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs work on a reader connection, opening one when none is free and fewer are open. */
    <T> T read(Work<T> work) throws SQLException {
        requireOpen();
        if (fault != null) {
            fault.checkReachable();
        }
        Session session = idle.poll();
        if (session == null) {
            session = take();
        }
        boolean healthy = false;
        try {
            T result = work.run(session);
            healthy = true;
            return result;
        } finally {
            if (!healthy) {
                session.rollbackQuietly();
            }
            if (closed || !idle.offer(session)) {
                session.close();
            }
        }
    }

    /** A reader: a new one while fewer than read-connections are open, else the next freed. */
    private Session take() throws SQLException {
        synchronized (opened) {
            // the writer is one of the opened sessions
            if (opened.size() - 1 < settings.readConnections()) {
                Session s = connect(true);
                s.execute("PRAGMA query_only = 1");
                return s;
            }
        }
        try {
            Session s = idle.poll(settings.busyTimeoutMs(), TimeUnit.MILLISECONDS);
            if (s == null) {
                throw busy("a free one of read-connections=" + settings.readConnections());
            }
            return s;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting for a reader", e);
        }
    }

    /** A wait of this process's own that outlasted busy-timeout-ms, classified as SQLite's. */
    private SQLException busy(String what) {
        return new SQLException("[SQLITE_BUSY] waited " + settings.busyTimeoutMs()
                + " ms for " + what, null, Failures.BUSY);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("The SQLite store of " + settings.url()
                    + " is closed");
        }
    }

    boolean isClosed() {
        return closed;
    }

    /** Closes every connection; one in use is closed when its work ends. */
    @Override
    public void close() {
        List<Session> all;
        synchronized (opened) {
            if (closed) {
                return;
            }
            closed = true;
            all = new ArrayList<>(opened);
        }
        // the writer's connection is closed after the commit under way, if any
        writeLock.lock();
        try {
            for (Session s : all) {
                if (s == writer || idle.remove(s)) {
                    s.close();
                }
            }
        } finally {
            writeLock.unlock();
        }
    }
}
