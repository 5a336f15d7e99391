package io.kv4j.postgres;

import io.kv4j.spi.Commit;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * One commit as one round trip: {@code BEGIN ISOLATION LEVEL SERIALIZABLE}, a call of the schema's
 * commit function with every check and write as arrays, and {@code COMMIT}, sent together.
 *
 * <p>SERIALIZABLE makes PostgreSQL prove that the commits it accepts could have run one at a time:
 * the function re-reads, in its one snapshot, everything the transaction read, so an accepted
 * commit is one whose reads were all still current when its writes landed.
 */
final class CommitCall {

    /** The function's answer: the version given to the writes, or the check that failed. */
    record Outcome(long version, String conflict) {
    }

    private final String readWriteSql;
    private final String readOnlySql;

    CommitCall(String schema) {
        String call = "SELECT committed, conflict FROM " + schema + ".commit_v1("
                + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?); COMMIT";
        this.readWriteSql = "BEGIN ISOLATION LEVEL SERIALIZABLE; " + call;
        this.readOnlySql = "BEGIN ISOLATION LEVEL SERIALIZABLE, READ ONLY; " + call;
    }

    /**
     * Sends the commit and reads the function's answer.
     *
     * @throws SQLException as the driver reports it; the transaction may then be left aborted
     */
    Outcome execute(Connection c, Commit commit) throws SQLException {
        List<Commit.PointRead> reads = commit.reads();
        int nr = reads.size();
        String[] rNs = new String[nr];
        String[] rKey = new String[nr];
        Long[] rVer = new Long[nr];
        for (int i = 0; i < nr; i++) {
            Commit.PointRead r = reads.get(i);
            rNs[i] = r.namespace();
            rKey[i] = r.key();
            rVer[i] = r.version();
        }
        List<Commit.RangeRead> ranges = commit.ranges();
        int ng = ranges.size();
        String[] gNs = new String[ng];
        String[] gLow = new String[ng];
        String[] gHigh = new String[ng];
        Integer[] gFrom = new Integer[ng];
        Integer[] gTo = new Integer[ng];
        int seen = 0;
        for (Commit.RangeRead g : ranges) {
            seen += g.seen().size();
        }
        String[] sKey = new String[seen];
        Long[] sVer = new Long[seen];
        int at = 0;
        for (int i = 0; i < ng; i++) {
            Commit.RangeRead g = ranges.get(i);
            KeyRange range = KeyRange.of(g.prefix(), g.startAfter(), g.endInclusive());
            gNs[i] = g.namespace();
            gLow[i] = range.low();
            gHigh[i] = range.high();
            gFrom[i] = at + 1;
            for (Commit.Seen s : g.seen()) {
                sKey[at] = s.key();
                sVer[at] = s.version();
                at++;
            }
            gTo[i] = at;
        }
        List<Commit.Write> writes = commit.writes();
        int nw = writes.size();
        String[] wNs = new String[nw];
        String[] wKey = new String[nw];
        String[] wVal = new String[nw];
        Short[] wShape = new Short[nw];
        for (int i = 0; i < nw; i++) {
            Commit.Write w = writes.get(i);
            wNs[i] = w.namespace();
            wKey[i] = w.key();
            if (!w.isDelete()) {
                wVal[i] = new String(w.value(), StandardCharsets.UTF_8);
                wShape[i] = JsonShape.of(w.value());
            }
        }
        try (PreparedStatement ps = c.prepareStatement(nw == 0 ? readOnlySql : readWriteSql)) {
            int p = 1;
            ps.setArray(p++, c.createArrayOf("text", rNs));
            ps.setArray(p++, c.createArrayOf("text", rKey));
            ps.setArray(p++, c.createArrayOf("int8", rVer));
            ps.setArray(p++, c.createArrayOf("text", gNs));
            ps.setArray(p++, c.createArrayOf("text", gLow));
            ps.setArray(p++, c.createArrayOf("text", gHigh));
            ps.setArray(p++, c.createArrayOf("int4", gFrom));
            ps.setArray(p++, c.createArrayOf("int4", gTo));
            ps.setArray(p++, c.createArrayOf("text", sKey));
            ps.setArray(p++, c.createArrayOf("int8", sVer));
            ps.setArray(p++, c.createArrayOf("text", wNs));
            ps.setArray(p++, c.createArrayOf("text", wKey));
            ps.setArray(p++, c.createArrayOf("text", wVal));
            ps.setArray(p++, c.createArrayOf("int2", wShape));
            // commit_v1's notification parameter: Notifier announces commits after they return
            ps.setString(p, null);
            return outcome(ps);
        }
    }

    private static Outcome outcome(PreparedStatement ps) throws SQLException {
        Outcome outcome = null;
        boolean isResult = ps.execute();
        // BEGIN and COMMIT answer with update counts, the function with a row
        while (isResult || ps.getUpdateCount() != -1) {
            if (isResult) {
                try (ResultSet rs = ps.getResultSet()) {
                    if (rs.next()) {
                        long version = rs.getLong(1);
                        outcome = new Outcome(rs.wasNull() ? -1 : version, rs.getString(2));
                    }
                }
            }
            isResult = ps.getMoreResults();
        }
        if (outcome == null) {
            throw new SQLException("The commit function returned no row", "XX000");
        }
        return outcome;
    }
}
