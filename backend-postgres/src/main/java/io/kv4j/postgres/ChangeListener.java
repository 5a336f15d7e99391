package io.kv4j.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Receives the change notifications of every commit on the schema, on a connection of its own, and
 * keeps the read cache on only while it does: when the connection fails the cache goes off (and
 * empty) until a new connection listens again, because notifications sent meanwhile are lost.
 */
final class ChangeListener implements AutoCloseable {

    /** How long one wait for notifications lasts; also how often the connection is checked. */
    private static final int POLL_MS = 500;
    private static final int CHECK_EVERY_POLLS = 10;
    private static final long MAX_BACKOFF_MS = 2_000;

    private final DataSource source;
    private final String channel;
    private final String origin;
    private final ReadCache cache;
    private final Thread thread;
    private volatile boolean closed;
    private volatile Connection connection;

    ChangeListener(DataSource source, String channel, String origin, ReadCache cache) {
        this.source = source;
        this.channel = channel;
        this.origin = origin;
        this.cache = cache;
        this.thread = new Thread(this::run, "kv4j-postgres-listener-" + channel);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        long backoff = 50;
        while (!closed) {
            try (Connection c = source.getConnection()) {
                connection = c;
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN \"" + channel + "\"");
                }
                cache.switchOn();
                backoff = 50;
                listen(c.unwrap(PGConnection.class), c);
            } catch (SQLException | RuntimeException e) {
                cache.switchOff();
                if (closed) {
                    return;
                }
                sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            } finally {
                cache.switchOff();
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

    /** Applies one notification: {@code <origin> <length>:<ns><length>:<key>...} or {@code *}. */
    void handle(String payload) {
        int space = payload.indexOf(' ');
        if (space < 0) {
            cache.invalidateAll();
            return;
        }
        if (payload.regionMatches(0, origin, 0, space) && space == origin.length()) {
            return; // this backend's own commit, already applied to the cache
        }
        forEachKey(payload.substring(space + 1), cache::invalidate, cache::invalidateAll);
    }

    /** Calls {@code each} for every (namespace, key) of a payload, or {@code all} for {@code *}. */
    static void forEachKey(String body, java.util.function.BiConsumer<String, String> each,
            Runnable all) {
        if (body.equals("*")) {
            all.run();
            return;
        }
        int[] at = {0};
        try {
            while (at[0] < body.length()) {
                String ns = next(body, at);
                String key = next(body, at);
                each.accept(ns, key);
            }
        } catch (RuntimeException malformed) {
            all.run();
        }
    }

    /** Reads {@code <length>:<text>}, the length in code points. */
    private static String next(String body, int[] at) {
        int colon = body.indexOf(':', at[0]);
        int length = Integer.parseInt(body.substring(at[0], colon));
        int start = colon + 1;
        int end = body.offsetByCodePoints(start, length);
        at[0] = end;
        return body.substring(start, end);
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
        cache.switchOff();
    }
}
