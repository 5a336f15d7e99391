package io.kv4j.postgres;

import io.kv4j.spi.BackendException;
import io.kv4j.spi.Commit;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** What the database answered to a commit: committed with a version, or a failed check. */
sealed interface CommitOutcome {

    /**
     * Runs the statements of a commit and reads the outcome from their results by column name:
     * {@code check}'s row ({@code conflict}, {@code position}) when a check failed, else
     * {@code version}'s. The other statements return nothing that matters.
     *
     * @param writes whether the commit writes; one that does not has no {@code version} and
     *     commits with 0
     * @throws SQLException as the driver reports it, or when neither came back
     */
    static CommitOutcome read(PreparedStatement st, boolean writes) throws SQLException {
        CommitOutcome outcome = writes ? null : new Committed(0);
        for (boolean isResult = st.execute(); isResult || st.getUpdateCount() != -1;
                isResult = st.getMoreResults()) {
            if (!isResult) {
                continue;
            }
            try (ResultSet rs = st.getResultSet()) {
                String column = rs.getMetaData().getColumnLabel(1);
                if ("conflict".equals(column) && rs.next()) {
                    outcome = new Conflict(Conflict.kind(rs.getString("conflict")),
                            rs.getInt("position"));
                } else if ("version".equals(column) && rs.next()) {
                    outcome = new Committed(rs.getLong("version"));
                }
            }
        }
        if (outcome == null) {
            throw new SQLException("The commit returned neither a version nor a conflict",
                    "XX000");
        }
        return outcome;
    }

    /** The commit was applied: its writes got {@code version} (0 when it wrote nothing). */
    record Committed(long version) implements CommitOutcome {
    }

    /**
     * A check failed and nothing was written: the point read or the range at {@code position}
     * (from 0) of the commit's reads or ranges had changed.
     */
    record Conflict(Kind kind, int position) implements CommitOutcome {

        /** What the failed check compared. */
        enum Kind {
            /** A version of one key, from {@link Commit#reads()}. */
            READ,
            /** The keys and versions of a range, from {@link Commit#ranges()}. */
            RANGE
        }

        private static Kind kind(String conflict) throws SQLException {
            return switch (conflict) {
                case "read" -> Kind.READ;
                case "range" -> Kind.RANGE;
                default -> throw new SQLException("The commit's check returned an unknown "
                        + "conflict: " + conflict, "XX000");
            };
        }

        /** The conflict as the SPI reports it, naming the key or prefix of {@code commit}. */
        BackendException exception(Commit commit) {
            if (kind == Kind.READ) {
                Commit.PointRead r = commit.reads().get(position);
                return BackendException.readChanged(r.namespace(), r.key());
            }
            Commit.RangeRead g = commit.ranges().get(position);
            return BackendException.rangeChanged(g.namespace(), g.prefix());
        }
    }
}
