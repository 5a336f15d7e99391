package io.kv4j.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Receives the change notifications of every commit on the schema, on a connection of its own, and
 * tells its sink when it listens and when it lost the connection: notifications sent meanwhile
 * are lost, so a cache must not serve until it listens again.
 */
final class ChangeListener implements AutoCloseable {

    /** How long one wait for notifications lasts; also how often the connection is checked. */
    private static final int POLL_MS = 500;
    private static final int CHECK_EVERY_POLLS = 10;
    private static final long MAX_BACKOFF_MS = 2_000;

    private static final System.Logger LOG = System.getLogger("io.kv4j.postgres");

    private final DataSource source;
    private final String channel;
    private final String origin;
    private final ChangeTransport.Sink sink;
    private final Thread thread;
    private volatile boolean closed;
    private volatile Connection connection;

    ChangeListener(DataSource source, String channel, String origin, ChangeTransport.Sink sink) {
        this.source = source;
        this.channel = channel;
        this.origin = origin;
        this.sink = sink;
        this.thread = new Thread(this::run, "kv4j-postgres-listener-" + channel);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        long backoff = 50;
        int failures = 0;
        while (!closed) {
            try (Connection c = source.getConnection()) {
                connection = c;
                // LISTEN takes effect at commit: an application's pool may lend it with
                // autocommit off
                if (!c.getAutoCommit()) {
                    c.setAutoCommit(true);
                }
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN \"" + channel + "\"");
                }
                sink.receiving();
                if (failures > 0) {
                    LOG.log(System.Logger.Level.INFO, "Listening on {0} again after {1} failed"
                            + " attempts; the read cache serves again", channel, failures);
                }
                failures = 0;
                backoff = 50;
                listen(c.unwrap(PGConnection.class), c);
            } catch (SQLException | RuntimeException e) {
                sink.lost();
                if (closed) {
                    return;
                }
                if (failures++ == 0) {
                    LOG.log(System.Logger.Level.WARNING, "Lost the connection listening on "
                            + channel + "; the read cache is off and empty until it listens"
                            + " again: " + e);
                }
                sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            } finally {
                sink.lost();
                connection = null;
            }
        }
    }

    private void listen(PGConnection pg, Connection c) throws SQLException {
        int polls = 0;
        while (!closed) {
            PGNotification[] batch = pg.getNotifications(POLL_MS);
            if (batch != null) {
                for (PGNotification n : batch) {
                    handle(n.getParameter());
                }
            }
            // a silent network failure raises nothing: ask the server now and then
            if (++polls % CHECK_EVERY_POLLS == 0 && !c.isValid(5)) {
                throw new SQLException("the listening connection is no longer valid", "08006");
            }
        }
    }

    /** Applies one notification. */
    void handle(String payload) {
        ChangeFormat.read(payload, origin, sink);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        Connection c = connection;
        if (c != null) {
            try {
                // abort, not close: it does not wait for the thread's blocked read to time out
                c.abort(Runnable::run);
            } catch (SQLException ignored) {
                // closing anyway; the thread ends on its own
            }
        }
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sink.lost();
    }
}
