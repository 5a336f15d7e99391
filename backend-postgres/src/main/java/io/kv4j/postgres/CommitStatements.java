package io.kv4j.postgres;

import io.kv4j.spi.Commit;
import io.kv4j.spi.Mutation;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The statements of {@code commit.sql} on a connection: one transaction of one or more commits
 * as one round trip, the lookup of its ids, the deletion of a namespace and the expiry of old
 * ids.
 *
 * <p>A commit that writes runs at READ COMMITTED:
 * <ol>
 *   <li>{@code lock} takes transaction-scoped advisory locks in one fixed order
 *       ({@link CommitLocks}): each key it writes or mutates exclusive, each key it only read or
 *       checked shared, each namespace of those keys shared, and each namespace it listed or
 *       deletes a range of exclusive, so that nothing can be inserted into such a range until
 *       this commit ends. More than {@value CommitLocks#MAX_KEY_LOCKS} keys take their
 *       namespaces exclusive instead, which bounds the locks of one transaction.</li>
 *   <li>{@code check} then compares every version the transaction checked or read with the
 *       current one. It is a statement of its own, so at READ COMMITTED it sees every commit that
 *       held a conflicting lock: PostgreSQL makes a commit visible before it releases its locks.
 *       It returns the first check that failed (a failed check before any changed read), and
 *       raises the transaction-local flag {@code kv4j.conflict}.</li>
 *   <li>{@code version}, {@code mutate}, {@code delete}, {@code upsert}, {@code delete-ranges}
 *       and {@code record-id} do nothing once the flag is raised; otherwise they take one number
 *       from the schema's sequence for each commit the transaction carries ({@link CommitGroup})
 *       and apply the writes, each row with the number of the commit it belongs to. {@code mutate} comes first and
 *       writes nothing, raising the flag, when a key it mutates holds no whole number, so that
 *       the commit then writes nothing at all; {@code delete-ranges} comes last and spares the
 *       rows of this version, which is the same as deleting the ranges before the writes.</li>
 * </ol>
 * So a commit is refused only when a version it read really changed, a check failed or a
 * mutation found no number, and two commits never wait for each other in a cycle. Two commits
 * that mutate one key conflict in nothing: neither read it, and the exclusive lock of the key
 * makes the second apply its mutation to the first one's result. Noting the refusal instead of
 * raising an error keeps the round trip whole and the server's log quiet; the transaction then
 * commits nothing but its locks.
 *
 * <p>A commit without writes is {@code check} alone, at REPEATABLE READ, READ ONLY: it reads one
 * snapshot, which always holds a consistent state, so it needs no locks.
 */
final class CommitStatements {

    private final String readOnlySql;
    private final String readWriteSql;
    private final String blindSql;
    private final String mutateSql;
    private final String deleteSql;
    private final String upsertSql;
    private final String deleteRangesSql;
    private final String recordIdSql;
    private final String compareAndSetSql;
    private final String lookUpSql;
    private final String deleteNamespaceSql;
    private final String expireSql;
    private final long lockSeed;

    CommitStatements(String schema, long lockSeed) {
        SqlFile sql = SqlFile.load("commit.sql", schema);
        this.lockSeed = lockSeed;
        String check = sql.get("check");
        this.readOnlySql = String.join("; ", sql.get("begin-read-only"), check,
                sql.get("end-read-only"));
        this.readWriteSql = String.join("; ", sql.get("begin-read-write"), sql.get("lock"), check,
                sql.get("version"));
        this.blindSql = String.join("; ", sql.get("begin-read-write"), sql.get("lock"),
                sql.get("version"));
        this.mutateSql = "; " + sql.get("mutate");
        this.deleteSql = "; " + sql.get("delete");
        this.upsertSql = "; " + sql.get("upsert");
        this.deleteRangesSql = "; " + sql.get("delete-ranges");
        this.recordIdSql = "; " + sql.get("record-id");
        this.compareAndSetSql = sql.get("compare-and-set");
        this.lookUpSql = sql.get("look-up");
        this.deleteNamespaceSql = sql.get("delete-namespace");
        this.expireSql = sql.get("expire-ids");
    }

    /**
     * Sends the commits of a group as one transaction and reads its outcome: the members'
     * versions, in member order, or the refusal of all.
     *
     * @throws SQLException as the driver reports it; the transaction may then be left open
     */
    CommitOutcome send(Connection c, CommitGroup group) throws SQLException {
        Commit commit = group.first();
        if (group.size() == 1 && isCompareAndSet(commit)) {
            return compareAndSet(c, commit.writes().get(0), commit.reads().get(0).version(),
                    group.ids().get(0));
        }
        boolean writes = !commit.isReadOnly();
        ArrayText wNs = new ArrayText();
        ArrayText wKey = new ArrayText();
        ArrayText wVal = new ArrayText();
        ArrayText wShape = new ArrayText();
        ArrayText wVer = new ArrayText();
        ArrayText dNs = new ArrayText();
        ArrayText dKey = new ArrayText();
        ArrayText mNs = new ArrayText();
        ArrayText mKey = new ArrayText();
        ArrayText mAddend = new ArrayText();
        ArrayText mFloor = new ArrayText();
        ArrayText mCeiling = new ArrayText();
        ArrayText mIfMissing = new ArrayText();
        ArrayText mVer = new ArrayText();
        for (CommitGroup.Slot s : group.writes()) {
            Commit.Write w = s.write();
            switch (w.kind()) {
                case DELETE -> {
                    dNs.text(w.namespace());
                    dKey.text(w.key());
                }
                case PUT -> {
                    wNs.text(w.namespace());
                    wKey.text(w.key());
                    wVal.text(new String(w.value(), StandardCharsets.UTF_8));
                    wShape.number(JsonShape.of(w.value()));
                    wVer.number(s.member());
                }
                case MUTATE -> {
                    Mutation m = w.mutation();
                    mNs.text(w.namespace());
                    mKey.text(w.key());
                    mAddend.text(m.addend().toString());
                    mFloor.text(m.floor() == null ? null : m.floor().toString());
                    mCeiling.text(m.ceiling() == null ? null : m.ceiling().toString());
                    mIfMissing.text(m.ifMissing().toString());
                    mVer.number(s.member());
                }
            }
        }
        boolean rangeDeletes = !commit.rangeDeletes().isEmpty();
        // blind commits have nothing to check, and skip the statement that would find nothing
        boolean blind = CommitGroup.isBlind(commit);
        String sql = !writes ? readOnlySql : (blind ? blindSql : readWriteSql)
                + (mNs.isEmpty() ? "" : mutateSql)
                + (dNs.isEmpty() ? "" : deleteSql) + (wNs.isEmpty() ? "" : upsertSql)
                + (rangeDeletes ? deleteRangesSql : "") + recordIdSql;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Params p = new Params(ps);
            if (writes) {
                CommitLocks locks = CommitLocks.of(group.locked(), lockSeed);
                p.add(locks.ids).add(locks.exclusive);
            }
            if (!blind) {
                addChecks(p, commit);
            }
            if (writes) {
                p.add(group.size());
            }
            if (!mNs.isEmpty()) {
                addRangeDeletes(p, commit);
                p.add(mNs).add(mKey).add(mAddend).add(mFloor).add(mCeiling).add(mIfMissing)
                        .add(mVer);
            }
            if (!dNs.isEmpty()) {
                p.add(dNs).add(dKey);
            }
            if (!wNs.isEmpty()) {
                p.add(wNs).add(wKey).add(wVal).add(wShape).add(wVer);
            }
            if (rangeDeletes) {
                addRangeDeletes(p, commit);
            }
            if (writes) {
                p.add(ids(group.ids()));
            }
            return CommitOutcome.read(ps, writes);
        }
    }

    /**
     * Finds out whether the transaction that carried the commits of {@code ids} landed, and
     * makes the answer final: the first id is taken, so a transaction with it still under way
     * waits for this or fails.
     *
     * @return the version of each commit, in the order of {@code ids}, or null when the
     *     transaction did not land and never will
     */
    long[] lookUp(Connection c, List<UUID> ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(lookUpSql)) {
            Map<String, Long> found = new HashMap<>();
            new Params(ps).add(ids.get(0)).add(ids(ids));
            for (boolean isResult = ps.execute(); isResult || ps.getUpdateCount() != -1;
                    isResult = ps.getMoreResults()) {
                if (isResult) {
                    try (ResultSet rs = ps.getResultSet()) {
                        while (rs.next()) {
                            found.put(rs.getString("id"), rs.getLong("version"));
                        }
                    }
                }
            }
            Long first = found.get(ids.get(0).toString());
            if (first == null) {
                throw new SQLException("The lookup of commit " + ids.get(0) + " found no row",
                        "XX000");
            }
            if (first < 0) {
                return null;
            }
            long[] versions = new long[ids.size()];
            for (int i = 0; i < versions.length; i++) {
                Long v = found.get(ids.get(i).toString());
                if (v == null || v < 0) {
                    throw new SQLException("The lookup of commit " + ids.get(i) + ", committed "
                            + "with " + ids.get(0) + ", found " + v, "XX000");
                }
                versions[i] = v;
            }
            return versions;
        }
    }

    /**
     * Deletes every entry of a namespace as one commit: it locks the namespace exclusive, as a
     * commit that listed it would, so it waits for the commits under way there and every later
     * one that read its keys fails its checks.
     *
     * @return how many entries were deleted
     */
    long deleteNamespace(Connection c, String namespace) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(deleteNamespaceSql)) {
            ps.setLong(1, CommitLocks.namespaceId(lockSeed, namespace));
            ps.setString(2, namespace);
            long deleted = 0;
            for (boolean isResult = ps.execute(); isResult || ps.getUpdateCount() != -1;
                    isResult = ps.getMoreResults()) {
                if (!isResult && ps.getUpdateCount() > 0) {
                    deleted = ps.getUpdateCount();
                }
            }
            return deleted;
        }
    }

    /**
     * Deletes up to {@code limit} commit ids older than {@code retentionMs}, oldest first,
     * through the index on their time, skipping rows another process is deleting.
     *
     * @return how many were deleted
     */
    int expireIds(Connection c, long retentionMs, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(expireSql)) {
            ps.setLong(1, retentionMs);
            ps.setInt(2, limit);
            return ps.executeUpdate();
        }
    }

    /**
     * Whether the commit overwrites the one key it read, which existed, and says nothing else
     * (no check, no range deletion, no mutation): then a single
     * {@code UPDATE ... WHERE version = <read>} validates and writes it at once. The update locks
     * the row and, at READ COMMITTED, compares the newest committed version, so it fails exactly
     * when the key changed; the commit read nothing else that could change, and writes no absent
     * key that a lock would have to protect.
     */
    private static boolean isCompareAndSet(Commit commit) {
        if (commit.writes().size() != 1 || commit.reads().size() != 1 || !commit.ranges().isEmpty()
                || !commit.checks().isEmpty() || !commit.rangeDeletes().isEmpty()) {
            return false;
        }
        Commit.Write w = commit.writes().get(0);
        Commit.PointRead r = commit.reads().get(0);
        return w.kind() == Commit.Write.Kind.PUT && r.version() != 0
                && r.namespace().equals(w.namespace()) && r.key().equals(w.key());
    }

    private CommitOutcome compareAndSet(Connection c, Commit.Write w, long read, UUID id)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(compareAndSetSql)) {
            short shape = JsonShape.of(w.value());
            String json = new String(w.value(), StandardCharsets.UTF_8);
            ps.setShort(1, shape);
            ps.setString(2, json);
            ps.setShort(3, shape);
            ps.setString(4, json);
            ps.setString(5, w.namespace());
            ps.setString(6, w.key());
            ps.setLong(7, read);
            new Params(ps, 8).add(id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? CommitOutcome.Committed.of(rs.getLong("version"))
                        : new CommitOutcome.Conflict(CommitOutcome.Conflict.Kind.READ, 0);
            }
        }
    }

    private static void addChecks(Params p, Commit commit) throws SQLException {
        ArrayText kNs = new ArrayText();
        ArrayText kKey = new ArrayText();
        ArrayText kVer = new ArrayText();
        for (Commit.Check k : commit.checks()) {
            kNs.text(k.namespace());
            kKey.text(k.key());
            kVer.number(k.version());
        }
        ArrayText rNs = new ArrayText();
        ArrayText rKey = new ArrayText();
        ArrayText rVer = new ArrayText();
        for (Commit.PointRead r : commit.reads()) {
            rNs.text(r.namespace());
            rKey.text(r.key());
            rVer.number(r.version());
        }
        ArrayText gNs = new ArrayText();
        ArrayText gLow = new ArrayText();
        ArrayText gHigh = new ArrayText();
        ArrayText gFrom = new ArrayText();
        ArrayText gTo = new ArrayText();
        ArrayText seen = new ArrayText();
        int at = 0;
        for (Commit.RangeRead g : commit.ranges()) {
            gNs.text(g.namespace());
            gLow.text(g.range().start());
            gHigh.text(g.range().end());
            gFrom.number(at + 1);
            for (Commit.Seen s : g.seen()) {
                seen.text(s.version() + " " + s.key());
                at++;
            }
            gTo.number(at);
        }
        p.add(kNs).add(kKey).add(kVer).add(rNs).add(rKey).add(rVer)
                .add(gNs).add(gLow).add(gHigh).add(gFrom).add(gTo).add(seen);
    }

    private static ArrayText ids(List<UUID> ids) {
        ArrayText out = new ArrayText();
        for (UUID id : ids) {
            out.text(id.toString());
        }
        return out;
    }

    private static void addRangeDeletes(Params p, Commit commit) throws SQLException {
        ArrayText ns = new ArrayText();
        ArrayText start = new ArrayText();
        ArrayText end = new ArrayText();
        for (Commit.RangeDelete d : commit.rangeDeletes()) {
            ns.text(d.namespace());
            start.text(d.range().start());
            end.text(d.range().end());
        }
        p.add(ns).add(start).add(end);
    }

    /**
     * Binds parameters in order, each as text ({@code varchar}) that the casts in the statements
     * convert. Never untyped: once the driver prepares a statement on the server (from its fifth
     * use), a parameter of unspecified type makes it describe every statement of the commit again
     * before binding, one round trip each, on every commit.
     */
    private static final class Params {
        private final PreparedStatement ps;
        private int next;

        Params(PreparedStatement ps) {
            this(ps, 1);
        }

        Params(PreparedStatement ps, int first) {
            this.ps = ps;
            this.next = first;
        }

        Params add(ArrayText array) throws SQLException {
            ps.setString(next++, array.close());
            return this;
        }

        Params add(UUID id) throws SQLException {
            ps.setString(next++, id.toString());
            return this;
        }

        Params add(int n) throws SQLException {
            ps.setInt(next++, n);
            return this;
        }
    }
}
