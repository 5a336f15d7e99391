package io.kv4j.postgres;

import io.kv4j.spi.BackendException;
import io.kv4j.spi.Commit;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Commits to PostgreSQL: sends a commit ({@link CommitStatements}), reads its outcome, and finds
 * out what became of one whose answer was lost with its connection. A commit without writes is
 * simply checked again on a fresh connection. A commit that writes is looked up by its id on a
 * fresh connection, so one that landed returns as committed and one that did not is sent again
 * under a new id, both within {@code outcome-timeout-ms}; only past it is the outcome reported
 * unknown.
 */
final class Committer {

    private static final System.Logger LOG = System.getLogger("io.kv4j.postgres");

    private final Pool pool;
    private final CommitStatements statements;
    private final String url;
    private final long timeoutMs;

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
                ? pool.again("The check of a read-only request on " + url, c -> send(c, commit,
                        commit.id()))
                : sendWrites(commit);
        if (outcome instanceof CommitOutcome.Refused refused) {
            throw refused.exception(commit);
        }
        return ((CommitOutcome.Committed) outcome).version();
    }

    /** Sends a commit as a transaction block, which is ended if it fails. */
    private CommitOutcome send(Connection c, Commit commit, UUID id) throws SQLException {
        try {
            return statements.send(c, commit, id);
        } catch (SQLException e) {
            if (!Failures.isConnectionLost(e)) {
                pool.rollback(c);
            }
            throw e;
        }
    }

    /** Sends a commit that writes, and returns its outcome, looked up if its answer was lost. */
    private CommitOutcome sendWrites(Commit commit) {
        int ranges = commit.rangeDeletes().size();
        String what = "The commit of " + commit.writes().size() + " writes"
                + (ranges == 0 ? "" : " and " + ranges + " range deletions") + " to " + url;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        UUID id = commit.id();
        while (true) {
            Connection c = pool.connection(what);
            SQLException lost;
            try {
                return send(c, commit, id);
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
            long version = lookUp(id, deadline, what, lost);
            LOG.log(System.Logger.Level.INFO, "{0}: the connection failed after it was sent ({1});"
                    + " looked up, it {2}", what, Failures.describe(lost), version >= 0
                            ? "had landed" : "had not landed and is sent again");
            if (version >= 0) {
                return new CommitOutcome.Committed(version);
            }
            if (System.nanoTime() - deadline >= 0) {
                throw BackendException.unavailable(what + " did not land: the connection "
                        + "failed (" + Failures.describe(lost) + ") and there was no time left "
                        + "in " + PgOption.OUTCOME_TIMEOUT_MS.name() + "=" + timeoutMs
                        + " to send it again", lost);
            }
            id = UUID.randomUUID();
        }
    }

    /**
     * Whether the commit of {@code id} landed: its version, or -1 when it did not and never
     * will. Tries a fresh connection until {@code deadline}.
     *
     * @throws BackendException {@link BackendException.Kind#OUTCOME_UNKNOWN} when no lookup
     *     succeeded in time
     */
    private long lookUp(UUID id, long deadline, String what, SQLException lost) {
        SQLException last = lost;
        while (true) {
            try (Connection c = pool.get()) {
                return statements.lookUp(c, id);
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
