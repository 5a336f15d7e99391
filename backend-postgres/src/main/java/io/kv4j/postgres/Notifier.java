package io.kv4j.postgres;

import io.kv4j.spi.Commit;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Announces committed writes to the other caches, after the commit, from a thread of its own.
 *
 * <p>A notification sent inside the commit's transaction would make PostgreSQL serialise every
 * notifying commit through one lock held until its commit record is flushed, so concurrent
 * commits could no longer share a flush. Correctness does not need the notification in the
 * transaction: every cached read is checked against the database before a request that used it
 * returns (at commit, or by a single-key check), so a late notification costs at most a conflict
 * and a retry. Writes that pile up while a notification is in flight go out together in the next.
 */
final class Notifier implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("io.kv4j.postgres");

    /** Whether the last announcement failed; only the notifier's thread touches it. */
    private boolean failing;

    /**
     * How long the first write of a batch waits for others to join it: one notification then
     * serves every commit of those milliseconds, instead of costing a statement per commit.
     */
    static final long LINGER_MS = 2;

    private final DataSource pool;
    private final String channel;
    private final String origin;
    private final Thread thread;
    private final Object lock = new Object();
    /** Written keys not announced yet, as payload pieces. Guarded by lock. */
    private List<String> pending = new ArrayList<>();
    /** Set when a notification could not be sent: the next one tells caches to drop everything. */
    private boolean lost;
    private boolean closed;

    Notifier(DataSource pool, String channel, String origin) {
        this.pool = pool;
        this.channel = channel;
        this.origin = origin;
        this.thread = new Thread(this::run, "kv4j-postgres-notifier-" + channel);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues the writes of a commit that returned. */
    void committed(List<Commit.Write> writes) {
        if (writes.isEmpty()) {
            return;
        }
        synchronized (lock) {
            boolean wake = pending.isEmpty();
            for (Commit.Write w : writes) {
                pending.add(ChangeFormat.piece(w.namespace(), w.key()));
            }
            if (wake) {
                lock.notifyAll();
            }
        }
    }

    /** Tells the other caches to drop everything: a change too wide to name key by key. */
    void everything() {
        synchronized (lock) {
            lost = true;
            lock.notifyAll();
        }
    }


    private void run() {
        while (true) {
            List<String> batch;
            boolean all;
            synchronized (lock) {
                while (pending.isEmpty() && !lost && !closed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (pending.isEmpty() && !lost) {
                    return; // closed, nothing left
                }
                if (!closed) {
                    linger();
                }
                batch = pending;
                pending = new ArrayList<>();
                all = lost;
                lost = false;
            }
            if (!send(all ? List.of(ChangeFormat.everything(origin))
                    : ChangeFormat.payloads(origin, batch))) {
                synchronized (lock) {
                    lost = true;
                    if (closed) {
                        return;
                    }
                }
                pause();
            }
        }
    }

    /** Sends every payload in one round trip; false when the database could not be reached. */
    private boolean send(List<String> payloads) {
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT pg_notify(?, p) FROM unnest(?::text[]) AS p")) {
            Array array = c.createArrayOf("text", payloads.toArray());
            ps.setString(1, channel);
            ps.setArray(2, array);
            ps.execute();
            if (!c.getAutoCommit()) {
                c.commit();
            }
            if (failing) {
                LOG.log(System.Logger.Level.INFO, "Announcing commits on {0} again", channel);
                failing = false;
            }
            return true;
        } catch (SQLException e) {
            if (!failing) {
                LOG.log(System.Logger.Level.WARNING, "Could not announce commits on " + channel
                        + "; other processes' caches will drop everything once it works again: "
                        + e);
            }
            failing = true;
            return false;
        }
    }

    /** Waits {@link #LINGER_MS} while holding the lock's monitor released. */
    private void linger() {
        long end = System.nanoTime() + LINGER_MS * 1_000_000;
        for (long left = LINGER_MS; left > 0 && !closed;
                left = (end - System.nanoTime()) / 1_000_000) {
            try {
                lock.wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends what is queued, within a second, then stops. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.interrupt();
    }
}
