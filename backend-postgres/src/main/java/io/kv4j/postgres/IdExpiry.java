package io.kv4j.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Deletes the ids of commits older than {@code commit-id-retention-ms}, a batch at a time through
 * the index on their time, from a thread of its own: every tenth of the retention or every minute,
 * whichever is sooner. Several processes may do it at once; each skips the rows another is deleting.
 */
final class IdExpiry implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("io.kv4j.postgres");

    /** The most ids one statement deletes, so that no statement holds locks for long. */
    static final int BATCH = 10_000;

    private final ScheduledExecutorService timer;

    IdExpiry(Pool pool, CommitStatements call, long retentionMs, String channel) {
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kv4j-postgres-id-expiry-" + channel);
            t.setDaemon(true);
            return t;
        });
        long every = Math.min(retentionMs / 10, TimeUnit.MINUTES.toMillis(1));
        timer.scheduleWithFixedDelay(() -> expire(pool, call, retentionMs), every, every,
                TimeUnit.MILLISECONDS);
    }

    private static void expire(Pool pool, CommitStatements call, long retentionMs) {
        try (Connection c = pool.get()) {
            while (call.expireIds(c, retentionMs, BATCH) == BATCH) {
                // a full batch: there may be more
            }
        } catch (SQLException | RuntimeException e) {
            // the next round tries again; until then old ids only take room
            LOG.log(System.Logger.Level.DEBUG, "Deleting expired commit ids failed: " + e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
