package io.kv4j.postgres;

import io.kv4j.spi.BackendException;
import io.kv4j.spi.Commit;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What the database answered to a transaction of one or more commits ({@link CommitGroup}):
 * committed with a version for each, or refused with nothing written.
 */
sealed interface CommitOutcome {

    /**
     * Runs the statements of a commit and reads the outcome from their results by column name:
     * a row with {@code conflict} from {@code check} or {@code mutate} when one refused the
     * commit, else the array {@code versions}. The other statements return nothing that matters.
     *
     * @param writes whether the commit writes; one that does not has no {@code versions} and
     *     commits with 0
     * @throws SQLException as the driver reports it, or when neither came back
     */
    static CommitOutcome read(PreparedStatement st, boolean writes) throws SQLException {
        CommitOutcome outcome = writes ? null : Committed.of(0);
        Refused refused = null;
        for (boolean isResult = st.execute(); isResult || st.getUpdateCount() != -1;
                isResult = st.getMoreResults()) {
            if (!isResult) {
                continue;
            }
            try (ResultSet rs = st.getResultSet()) {
                String column = rs.getMetaData().getColumnLabel(1);
                if ("conflict".equals(column) && rs.next()) {
                    refused = refused(rs);
                } else if ("versions".equals(column) && rs.next()) {
                    outcome = new Committed(versions(rs.getString("versions")));
                }
            }
        }
        if (refused != null) {
            return refused;
        }
        if (outcome == null) {
            throw new SQLException("The commit returned neither a version nor a conflict",
                    "XX000");
        }
        return outcome;
    }

    /** The numbers of an int8[] in its text form, {@code {1,2}}. */
    private static long[] versions(String array) {
        String[] parts = array.substring(1, array.length() - 1).split(",");
        long[] out = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Long.parseLong(parts[i]);
        }
        return out;
    }

    private static Refused refused(ResultSet rs) throws SQLException {
        int position = rs.getInt("position");
        return switch (rs.getString("conflict")) {
            case "read" -> new Conflict(Conflict.Kind.READ, position);
            case "range" -> new Conflict(Conflict.Kind.RANGE, position);
            case "check" -> new CheckFailed(position, rs.getLong("found"));
            case "integer" -> new NotAnInteger(position, rs.getString("value"));
            default -> throw new SQLException("The commit returned an unknown conflict: "
                    + rs.getString("conflict"), "XX000");
        };
    }

    /**
     * The transaction was applied: the writes of its commits got {@code versions}, in member
     * order ({0} for a commit that wrote nothing).
     */
    record Committed(long[] versions) implements CommitOutcome {

        /** The outcome of one commit. */
        static Committed of(long version) {
            return new Committed(new long[] {version});
        }

        /** The version of the first (or only) commit. */
        long version() {
            return versions[0];
        }
    }

    /**
     * The commit of a refused group failed when it was sent again alone: its own failure, which
     * the others of the group do not share.
     */
    record Failed(RuntimeException failure) implements CommitOutcome {
    }

    /** The commit was refused and nothing was written. */
    sealed interface Refused extends CommitOutcome {

        /** The refusal as the SPI reports it, naming what of {@code commit} was refused. */
        BackendException exception(Commit commit);
    }

    /**
     * A read had changed: the point read or the range at {@code position} (from 0) of the
     * commit's reads or ranges.
     */
    record Conflict(Kind kind, int position) implements Refused {

        /** What the failed validation compared. */
        enum Kind {
            /** A version of one key, from {@link Commit#reads()}. */
            READ,
            /** The keys and versions of a range, from {@link Commit#ranges()}. */
            RANGE
        }

        @Override
        public BackendException exception(Commit commit) {
            if (kind == Kind.READ) {
                Commit.PointRead r = commit.reads().get(position);
                return BackendException.readChanged(r.namespace(), r.key());
            }
            Commit.RangeRead g = commit.ranges().get(position);
            return BackendException.rangeChanged(g.namespace(), g.range());
        }
    }

    /** The check at {@code position} of {@link Commit#checks()} found version {@code found}. */
    record CheckFailed(int position, long found) implements Refused {

        @Override
        public BackendException exception(Commit commit) {
            Commit.Check c = commit.checks().get(position);
            return BackendException.checkFailed(c.namespace(), c.key(), c.version(), found);
        }
    }

    /**
     * The mutation at {@code position} among the mutations of {@link Commit#writes()} found
     * {@code found}, JSON text that is not a whole number.
     */
    record NotAnInteger(int position, String found) implements Refused {

        @Override
        public BackendException exception(Commit commit) {
            Commit.Write w = commit.writes().stream()
                    .filter(x -> x.kind() == Commit.Write.Kind.MUTATE)
                    .skip(position).findFirst().orElseThrow();
            return BackendException.notAnInteger(w.namespace(), w.key(), found);
        }
    }
}
