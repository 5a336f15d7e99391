package io.kv4j.postgres;

import io.kv4j.spi.BackendException;
import io.kv4j.spi.Commit;
import io.kv4j.spi.Text;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Commits to PostgreSQL: sends a commit ({@link CommitStatements}), reads its outcome, and finds
 * out what became of one whose answer was lost with its connection. Blind commits, which only
 * write, travel together through a {@link CommitQueue}; every other commit is sent as a group of
 * one. A commit without writes is simply checked again on a fresh connection. A transaction that
 * writes is looked up by its first commit's id on a fresh connection, so one that landed returns
 * as committed and one that did not is sent again under new ids, both within
 * {@code outcome-timeout-ms}; only past it is the outcome reported unknown.
 */
final class Committer {

    private static final System.Logger LOG = System.getLogger("io.kv4j.postgres");

    private final Pool pool;
    private final CommitStatements statements;
    private final String url;
    private final long timeoutMs;
    private final CommitQueue queue = new CommitQueue(this::sendWrites);

    /**
     * @param url the store's URL, secrets masked, for messages
     * @param timeoutMs {@code outcome-timeout-ms}; 0 reports a lost answer unknown at once
     */
    Committer(Pool pool, CommitStatements statements, String url, long timeoutMs) {
        this.pool = pool;
        this.statements = statements;
        this.url = url;
        this.timeoutMs = timeoutMs;
    }

    /**
     * Validates the commit's reads and applies its writes.
     *
     * @return the version its writes got, 0 when it has none
     * @throws BackendException a conflict when a read had changed, a failed check, or a
     *     mutation of a value that is no whole number; nothing was written
     */
    long commit(Commit commit) {
        CommitOutcome outcome = commit.isReadOnly()
                // a check records no id: none is drawn (Commit#id makes one when first asked)
                ? pool.again("The check of a read-only request on " + url, c -> send(c,
                        CommitGroup.of(commit, null)))
                : CommitGroup.isBlind(commit) ? queue.commit(commit)
                : sendWrites(CommitGroup.of(commit, commit.id())).get(0);
        if (outcome instanceof CommitOutcome.Refused refused) {
            throw refused.exception(commit);
        }
        if (outcome instanceof CommitOutcome.Failed failed) {
            throw failed.failure();
        }
        return ((CommitOutcome.Committed) outcome).version();
    }

    /** The queue of blind commits, for tests. */
    CommitQueue queue() {
        return queue;
    }

    /** Sends a group as a transaction block, which is ended if it fails. */
    private CommitOutcome send(Connection c, CommitGroup group) throws SQLException {
        try {
            return statements.send(c, group);
        } catch (SQLException e) {
            if (!Failures.isConnectionLost(e)) {
                pool.rollback(c);
            }
            throw e;
        }
    }

    /**
     * Sends a group of commits that write, and returns each member's outcome in member order.
     * A refused group of several wrote nothing: its members are sent again one by one, so that
     * only the one whose mutation found no number fails.
     */
    private List<CommitOutcome> sendWrites(CommitGroup group) {
        CommitOutcome outcome = sendTransaction(group);
        List<CommitOutcome> out = new ArrayList<>(group.size());
        if (outcome instanceof CommitOutcome.Committed committed) {
            for (long version : committed.versions()) {
                out.add(CommitOutcome.Committed.of(version));
            }
        } else if (group.size() == 1) {
            out.add(outcome);
        } else {
            // each failure is its member's own: the ones sent before it may have committed
            for (int i = 0; i < group.size(); i++) {
                CommitOutcome alone;
                try {
                    alone = sendWrites(CommitGroup.of(group.members().get(i), group.ids().get(i)))
                            .get(0);
                } catch (RuntimeException e) {
                    alone = new CommitOutcome.Failed(e);
                }
                out.add(alone);
            }
        }
        return out;
    }

    /** Sends a group as one transaction, and returns its outcome, looked up if lost. */
    private CommitOutcome sendTransaction(CommitGroup group) {
        Commit commit = group.first();
        int ranges = commit.rangeDeletes().size();
        String what = "The commit of " + (group.size() == 1
                ? Text.count(commit.writes().size(), "write")
                        + (ranges == 0 ? "" : " and " + Text.count(ranges, "range deletion"))
                : Text.count(group.size(), "request") + " together") + " to " + url;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true) {
            Connection c = pool.connection(what);
            SQLException lost;
            try {
                return send(c, group);
            } catch (SQLException e) {
                if (!Failures.isConnectionLost(e)) {
                    throw pool.failure(e, what, c);
                }
                pool.lost(c);
                lost = e;
            } finally {
                Pool.close(c);
            }
            if (timeoutMs == 0) {
                throw Failures.ofCommit(lost, what, pool);
            }
            long[] versions = lookUp(group, deadline, what, lost);
            LOG.log(System.Logger.Level.INFO, "{0}: the connection failed after it was sent ({1});"
                    + " looked up, it {2}", what, Failures.describe(lost), versions != null
                            ? "had landed" : "had not landed and is sent again");
            if (versions != null) {
                return new CommitOutcome.Committed(versions);
            }
            if (System.nanoTime() - deadline >= 0) {
                throw BackendException.unavailable(what + " did not land: the connection "
                        + "failed (" + Failures.describe(lost) + ") and there was no time left "
                        + "in " + PgOption.OUTCOME_TIMEOUT_MS.name() + "=" + timeoutMs
                        + " to send it again", lost);
            }
            group.renewIds();
        }
    }

    /**
     * Whether the transaction of a group landed: its members' versions, or null when it did not
     * and never will. Tries a fresh connection until {@code deadline}.
     *
     * @throws BackendException {@link BackendException.Kind#OUTCOME_UNKNOWN} when no lookup
     *     succeeded in time
     */
    private long[] lookUp(CommitGroup group, long deadline, String what, SQLException lost) {
        SQLException last = lost;
        while (true) {
            try (Connection c = pool.get()) {
                return statements.lookUp(c, group.ids());
            } catch (SQLException e) {
                last = e;
                if (!Failures.isUnavailable(e)) {
                    break;
                }
            }
            if (System.nanoTime() - deadline >= 0) {
                break;
            }
            Pool.pause(RecoveringDataSource.RETRY_MS);
        }
        BackendException unknown = BackendException.outcomeUnknown(what
                + " was sent but the connection failed before its outcome was known ("
                + Failures.describe(lost) + "), and looking it up failed within "
                + PgOption.OUTCOME_TIMEOUT_MS.name() + "=" + timeoutMs + " ("
                + Failures.describe(last) + "); it was applied as a whole or not at all", lost);
        if (last != lost) {
            unknown.addSuppressed(last);
        }
        LOG.log(System.Logger.Level.WARNING, unknown.getMessage());
        throw unknown;
    }
}
