package io.kv4j.postgres;

import io.kv4j.spi.Commit;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One commit as one round trip: a few plain statements sent together, each with its arrays.
 *
 * <p>A commit that writes runs at READ COMMITTED:
 * <ol>
 *   <li>{@code LOCK} takes transaction-scoped advisory locks in one fixed order ({@link Locks}):
 *       each key it writes exclusive, each key it only read shared, each namespace of those keys
 *       shared, and each namespace it listed exclusive, so that nothing can be inserted into a
 *       listed range until this commit ends. More than {@value Locks#MAX_KEY_LOCKS} keys take
 *       their namespaces exclusive instead, which bounds the locks of one transaction.</li>
 *   <li>{@code CHECK} then compares every version the transaction read with the current one. It
 *       is a statement of its own, so at READ COMMITTED it sees every commit that held a
 *       conflicting lock: PostgreSQL makes a commit visible before it releases its locks. The
 *       first check that fails is noted in the transaction-local setting {@code kv4j.conflict}.
 *   </li>
 *   <li>{@code VERSION}, {@code DELETE} and {@code UPSERT} do nothing once a conflict is noted;
 *       otherwise they take one number from the schema's sequence and apply the writes with it.
 *   </li>
 * </ol>
 * So a commit is refused only when a version it read really changed, and two commits never wait
 * for each other in a cycle. Noting the conflict instead of raising an error keeps the round trip
 * whole and the server's log quiet; the transaction then commits nothing but its locks.
 *
 * <p>A commit without writes is {@code CHECK} alone, at REPEATABLE READ, READ ONLY: it reads one
 * snapshot, which always holds a consistent state, so it needs no locks.
 */
final class CommitCall {

    /** The function's answer: the version given to the writes, or the check that failed. */
    record Outcome(long version, String conflict) {
    }

    private static final String NO_CONFLICT =
            "coalesce(current_setting('kv4j.conflict', true), '') = ''";

    private final String casSql;
    private final String readOnlySql;
    private final String readWriteSql;
    private final String deleteSql;
    private final String upsertSql;
    private final String commitSql;
    private final String fenceSql;
    private final String expireSql;
    private final String deleteNamespaceSql;
    private final long lockSeed;

    CommitCall(String schema, long lockSeed) {
        this.lockSeed = lockSeed;
        String entries = schema + ".entries";
        String check = "SELECT set_config('kv4j.conflict', c.what, true) FROM ("
                + "SELECT 'read:' || r.n AS what, r.n AS ord"
                + " FROM unnest(?::text[], ?::text[], ?::int8[]) WITH ORDINALITY AS r(ns, k, ver, n)"
                + " WHERE r.ver <> coalesce((SELECT e.version FROM " + entries + " e"
                + " WHERE e.namespace = r.ns AND e.key = r.k), 0)"
                + " UNION ALL"
                + " SELECT 'range:' || g.n, 4294967296 + g.n"
                + " FROM unnest(?::text[], ?::text[], ?::text[], ?::int4[], ?::int4[])"
                + " WITH ORDINALITY AS g(ns, low, high, f, t, n)"
                + " WHERE CASE WHEN g.high IS NULL"
                + " THEN ARRAY(SELECT e.version || ' ' || e.key FROM " + entries + " e"
                + " WHERE e.namespace = g.ns AND e.key >= g.low ORDER BY e.key)"
                + " ELSE ARRAY(SELECT e.version || ' ' || e.key FROM " + entries + " e"
                + " WHERE e.namespace = g.ns AND e.key >= g.low AND e.key < g.high ORDER BY e.key)"
                + " END IS DISTINCT FROM (?::text[])[g.f:g.t]"
                + " ORDER BY ord LIMIT 1) c";
        // the plans of statements over arrays are reused: planning each call anew for the exact
        // arrays (PostgreSQL's choice for small arrays) costs more than the statement itself
        String generic = "SET LOCAL plan_cache_mode = force_generic_plan; ";
        this.readOnlySql = "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY; " + generic + check
                + "; COMMIT";
        String commits = schema + ".commits";
        this.casSql = "WITH u AS (UPDATE " + entries
                + " SET value = CASE WHEN ?::int2 < 2 THEN ?::jsonb END,"
                + " exact = CASE WHEN ?::int2 > 0 THEN ?::json END,"
                + " version = nextval('" + schema + ".versions')"
                + " WHERE namespace = ? AND key = ? AND version = ? RETURNING version),"
                + " c AS (INSERT INTO " + commits + " (id, version) SELECT ?::uuid, version FROM u)"
                + " SELECT version FROM u";
        this.readWriteSql = "BEGIN ISOLATION LEVEL READ COMMITTED; " + generic
                + "SELECT CASE WHEN l.x THEN pg_advisory_xact_lock(l.id)"
                + " ELSE pg_advisory_xact_lock_shared(l.id) END"
                + " FROM unnest(?::int8[], ?::bool[]) AS l(id, x); "
                + check + "; "
                + "SELECT nextval('" + schema + ".versions') WHERE " + NO_CONFLICT;
        this.deleteSql = "; DELETE FROM " + entries + " e"
                + " USING unnest(?::text[], ?::text[]) AS d(ns, k)"
                + " WHERE e.namespace = d.ns AND e.key = d.k AND " + NO_CONFLICT;
        this.upsertSql = "; INSERT INTO " + entries + " AS e (namespace, key, value, exact, version)"
                + " SELECT w.ns, w.k, CASE WHEN w.shape < 2 THEN w.val::jsonb END,"
                + " CASE WHEN w.shape > 0 THEN w.val::json END, currval('" + schema + ".versions')"
                + " FROM unnest(?::text[], ?::text[], ?::text[], ?::int2[]) AS w(ns, k, val, shape)"
                + " WHERE " + NO_CONFLICT
                + " ON CONFLICT (namespace, key) DO UPDATE"
                + " SET value = excluded.value, exact = excluded.exact, version = excluded.version";
        // the commit's id, in the same transaction: a lookup that fenced the id off makes this
        // fail on the primary key, so a commit found missing can never land later
        this.commitSql = "; INSERT INTO " + commits + " (id, version)"
                + " SELECT ?::uuid, currval('" + schema + ".versions') WHERE " + NO_CONFLICT
                + "; COMMIT";
        this.fenceSql = "INSERT INTO " + commits + " (id, version) VALUES (?::uuid, -1)"
                + " ON CONFLICT (id) DO NOTHING; SELECT version FROM " + commits
                + " WHERE id = ?::uuid";
        // = ANY(ARRAY(...)) deletes by the primary key; IN (...) makes a hash join over the table
        this.expireSql = "DELETE FROM " + commits + " WHERE id = ANY(ARRAY(SELECT id FROM "
                + commits + " WHERE at < now() - ?::bigint * interval '1 millisecond'"
                + " ORDER BY at LIMIT ? FOR UPDATE SKIP LOCKED))";
        this.deleteNamespaceSql = "BEGIN ISOLATION LEVEL READ COMMITTED; "
                + "SELECT pg_advisory_xact_lock(?); "
                + "DELETE FROM " + entries + " WHERE namespace = ?; COMMIT";
    }

    /**
     * Sends the commit and reads its outcome.
     *
     * @throws SQLException as the driver reports it; the transaction may then be left open
     */
    Outcome execute(Connection c, Commit commit, UUID id) throws SQLException {
        if (isCompareAndSet(commit)) {
            return compareAndSet(c, commit.writes().get(0), commit.reads().get(0).version(), id);
        }
        boolean writes = !commit.writes().isEmpty();
        ArrayText wNs = new ArrayText();
        ArrayText wKey = new ArrayText();
        ArrayText wVal = new ArrayText();
        ArrayText wShape = new ArrayText();
        ArrayText dNs = new ArrayText();
        ArrayText dKey = new ArrayText();
        for (Commit.Write w : commit.writes()) {
            if (w.isDelete()) {
                dNs.text(w.namespace());
                dKey.text(w.key());
            } else {
                wNs.text(w.namespace());
                wKey.text(w.key());
                wVal.text(new String(w.value(), StandardCharsets.UTF_8));
                wShape.number(JsonShape.of(w.value()));
            }
        }
        String sql = !writes ? readOnlySql : readWriteSql
                + (dNs.isEmpty() ? "" : deleteSql) + (wNs.isEmpty() ? "" : upsertSql) + commitSql;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Params p = new Params(ps);
            if (writes) {
                Locks locks = Locks.of(commit, lockSeed);
                p.add(locks.ids);
                p.add(locks.exclusive);
            }
            addChecks(p, commit);
            if (!dNs.isEmpty()) {
                p.add(dNs).add(dKey);
            }
            if (!wNs.isEmpty()) {
                p.add(wNs).add(wKey).add(wVal).add(wShape);
            }
            if (writes) {
                ps.setObject(p.next++, id.toString(), Types.OTHER);
            }
            return outcome(ps, writes);
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
            ps.setLong(1, Locks.namespaceId(lockSeed, namespace));
            ps.setString(2, namespace);
            long deleted = 0;
            boolean isResult = ps.execute();
            while (isResult || ps.getUpdateCount() != -1) {
                if (!isResult && ps.getUpdateCount() > 0) {
                    deleted = ps.getUpdateCount();
                }
                isResult = ps.getMoreResults();
            }
            return deleted;
        }
    }

    /**
     * Finds out whether the commit of {@code id} landed, and makes the answer final: the id is
     * taken first, so a commit with it still under way waits for this or fails.
     *
     * @return the version the commit's writes got, or -1 when it did not land and never will
     */
    long lookUp(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(fenceSql)) {
            ps.setObject(1, id.toString(), Types.OTHER);
            ps.setObject(2, id.toString(), Types.OTHER);
            boolean isResult = ps.execute();
            while (isResult || ps.getUpdateCount() != -1) {
                if (isResult) {
                    try (ResultSet rs = ps.getResultSet()) {
                        if (rs.next()) {
                            return rs.getLong(1);
                        }
                    }
                }
                isResult = ps.getMoreResults();
            }
        }
        throw new SQLException("The lookup of commit " + id + " found no row", "XX000");
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
     * Whether the commit overwrites the one key it read, which existed: then a single
     * {@code UPDATE ... WHERE version = <read>} validates and writes it at once. The update locks
     * the row and, at READ COMMITTED, compares the newest committed version, so it fails exactly
     * when the key changed; the commit read nothing else that could change, and writes no absent
     * key that a lock would have to protect.
     */
    private static boolean isCompareAndSet(Commit commit) {
        if (commit.writes().size() != 1 || commit.reads().size() != 1 || !commit.ranges().isEmpty()) {
            return false;
        }
        Commit.Write w = commit.writes().get(0);
        Commit.PointRead r = commit.reads().get(0);
        return !w.isDelete() && r.version() != 0 && r.namespace().equals(w.namespace())
                && r.key().equals(w.key());
    }

    private Outcome compareAndSet(Connection c, Commit.Write w, long read, UUID id)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(casSql)) {
            short shape = JsonShape.of(w.value());
            String json = new String(w.value(), StandardCharsets.UTF_8);
            ps.setShort(1, shape);
            ps.setString(2, json);
            ps.setShort(3, shape);
            ps.setString(4, json);
            ps.setString(5, w.namespace());
            ps.setString(6, w.key());
            ps.setLong(7, read);
            ps.setObject(8, id.toString(), Types.OTHER);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Outcome(rs.getLong(1), null) : new Outcome(-1, "read:1");
            }
        }
    }

    private static void addChecks(Params p, Commit commit) throws SQLException {
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
            KeyRange range = KeyRange.of(g.prefix(), g.startAfter(), g.endInclusive());
            gNs.text(g.namespace());
            gLow.text(range.low());
            gHigh.text(range.high());
            gFrom.number(at + 1);
            for (Commit.Seen s : g.seen()) {
                seen.text(s.version() + " " + s.key());
                at++;
            }
            gTo.number(at);
        }
        p.add(rNs).add(rKey).add(rVer).add(gNs).add(gLow).add(gHigh).add(gFrom).add(gTo).add(seen);
    }

    /** Reads the statements' results: CHECK's noted conflict, and VERSION's number. */
    private static Outcome outcome(PreparedStatement ps, boolean writes) throws SQLException {
        String conflict = null;
        long version = writes ? -1 : 0;
        // results in order: [BEGIN, LOCK,] CHECK, [VERSION, DELETE, UPSERT, COMMIT]
        int resultSets = 0;
        boolean isResult = ps.execute();
        while (isResult || ps.getUpdateCount() != -1) {
            if (isResult) {
                resultSets++;
                try (ResultSet rs = ps.getResultSet()) {
                    boolean row = rs.next();
                    int check = writes ? 2 : 1; // after LOCK, or first
                    if (resultSets == check && row) {
                        conflict = rs.getString(1);
                    } else if (resultSets == check + 1 && row) {
                        version = rs.getLong(1);
                    }
                }
            }
            isResult = ps.getMoreResults();
        }
        if (conflict == null && version < 0) {
            throw new SQLException("The commit returned neither a version nor a conflict",
                    "XX000");
        }
        return new Outcome(conflict == null ? version : -1, conflict);
    }

    /**
     * The advisory locks of a commit that writes, in ascending order of their ids: the order in
     * which every commit takes them, so that none waits for another in a cycle.
     *
     * <p>Ids are 64-bit hashes ({@link #hash}) of the schema's seed, a tag and the names, so the
     * scheme is part of the schema's version: a change to it needs a new migration, which older
     * libraries refuse. Two names sharing an id only make commits wait for each other.
     */
    static final class Locks {

        /** Past this many keys in one commit, its namespaces are locked instead. */
        static final int MAX_KEY_LOCKS = 64;

        final ArrayText ids = new ArrayText();
        final ArrayText exclusive = new ArrayText();

        static Locks of(Commit commit, long seed) {
            Map<Long, Boolean> locks = new TreeMap<>();
            Set<String> namespaces = new HashSet<>(4);
            int keys = commit.reads().size() + commit.writes().size();
            boolean escalate = keys > MAX_KEY_LOCKS;
            for (Commit.Write w : commit.writes()) {
                namespaces.add(w.namespace());
                if (!escalate) {
                    locks.put(keyId(seed, w.namespace(), w.key()), true);
                }
            }
            for (Commit.PointRead r : commit.reads()) {
                namespaces.add(r.namespace());
                if (!escalate) {
                    locks.merge(keyId(seed, r.namespace(), r.key()), false, Boolean::logicalOr);
                }
            }
            for (String ns : namespaces) {
                locks.merge(namespaceId(seed, ns), escalate, Boolean::logicalOr);
            }
            for (Commit.RangeRead g : commit.ranges()) {
                locks.put(namespaceId(seed, g.namespace()), true);
            }
            Locks out = new Locks();
            locks.forEach((id, x) -> {
                out.ids.number(id);
                out.exclusive.bool(x);
            });
            return out;
        }

        static long keyId(long seed, String namespace, String key) {
            return hash(hash(seed ^ 'k', namespace), key);
        }

        static long namespaceId(long seed, String namespace) {
            return hash(seed ^ 'n', namespace);
        }

        /** FNV-1a over the string's length and chars, then a 64-bit finaliser (MurmurHash3). */
        static long hash(long seed, String s) {
            long h = 0xcbf29ce484222325L ^ seed;
            h = (h ^ s.length()) * 0x100000001b3L;
            for (int i = 0; i < s.length(); i++) {
                h = (h ^ s.charAt(i)) * 0x100000001b3L;
            }
            h ^= h >>> 33;
            h *= 0xff51afd7ed558ccdL;
            h ^= h >>> 33;
            h *= 0xc4ceb9fe1a85ec53L;
            return h ^ (h >>> 33);
        }
    }

    /** Binds parameters in order, each an array in text form, untyped: the casts type them. */
    private static final class Params {
        private final PreparedStatement ps;
        int next = 1;

        Params(PreparedStatement ps) {
            this.ps = ps;
        }

        Params add(ArrayText array) throws SQLException {
            ps.setObject(next++, array.close(), Types.OTHER);
            return this;
        }
    }

    /**
     * An array parameter in PostgreSQL's text form, {@code {"a","b",NULL}} or {@code {1,2}}:
     * cheaper to build than the driver's array objects, which look up the element type on every
     * use.
     */
    static final class ArrayText {

        private final StringBuilder out = new StringBuilder("{");

        void text(String s) {
            separate();
            if (s == null) {
                out.append("NULL");
                return;
            }
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                if (ch == '"' || ch == '\\') {
                    out.append('\\');
                }
                out.append(ch);
            }
            out.append('"');
        }

        void number(long n) {
            separate();
            out.append(n);
        }

        void bool(boolean b) {
            separate();
            out.append(b ? 't' : 'f');
        }

        boolean isEmpty() {
            return out.length() == 1;
        }

        private void separate() {
            if (out.length() > 1) {
                out.append(',');
            }
        }

        /** The finished literal; the builder is used up. */
        String close() {
            return out.append('}').toString();
        }
    }
}
