package io.kv4j.sqlite;

import io.kv4j.spi.Commit;
import io.kv4j.spi.Entry;
import io.kv4j.spi.KeyRange;
import io.kv4j.spi.KvBackend;
import io.kv4j.spi.Mutation;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The backend contract in SQL on one file. Reads run on reader connections in auto-commit mode,
 * so each statement reads one committed state, the last one, and never waits for the writer (WAL
 * mode). A commit that writes runs on the writer inside {@code BEGIN IMMEDIATE}, which takes
 * SQLite's write lock with the newest state: it checks every check, version read and listed range
 * against that state, takes the next version after the last recorded in {@code commits}, clears
 * the ranges deleted, applies the writes (a mutation to the value it finds then) and records its
 * id there, all in one transaction that commits whole or not at all. A commit without writes
 * checks inside a plain read transaction: one snapshot, no lock.
 */
final class SqliteStorage {

    /** How many commit ids are kept for looking up a lost answer: far more than arrive in the
     * busy timeout that bounds a lookup. */
    static final long KEPT_IDS = 10_000;
    /** Old ids are deleted at every this many versions, a few pages at once: deleting one per
     * commit would write one more page in every commit. */
    static final long EXPIRY_EVERY = 1_000;

    private static final String READ =
            "SELECT value, version FROM entries WHERE namespace = ? AND key = ?";
    /** The entries of a JSON array of keys, one row per key in its order, NULLs when missing:
     * one prepared statement for any number of keys, each found through the primary key. */
    private static final String READ_MANY = "SELECT e.value, e.version FROM json_each(?) AS k"
            + " LEFT JOIN entries AS e ON e.namespace = ? AND e.key = k.value ORDER BY k.key";
    private static final String VERSION =
            "SELECT version FROM entries WHERE namespace = ? AND key = ?";
    /** Scans of a range ascending and descending, to its end and to the namespace's end,
     * indexed by {@link #inRange}; TEXT in a UTF-8 file compares as UTF-8 bytes, KeyOrder. */
    private static final String[] SCAN = inRange("key, value, version");
    /** The keys and versions of a range, ascending, as {@link #SCAN}. */
    private static final String[] RANGE = inRange("key, version");
    private static final String NOW = "SELECT coalesce(max(version), 0) FROM commits";
    private static final String UPSERT = "INSERT INTO entries (namespace, key, value, version)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (namespace, key)"
            + " DO UPDATE SET value = excluded.value, version = excluded.version";
    private static final String DELETE = "DELETE FROM entries WHERE namespace = ? AND key = ?";
    private static final String CLEAR_TO_END =
            "DELETE FROM entries WHERE namespace = ? AND key >= ?";
    private static final String CLEAR = CLEAR_TO_END + " AND key < ?";
    private static final String RECORD = "INSERT INTO commits (version, id) VALUES (?, ?)";
    private static final String EXPIRE = "DELETE FROM commits WHERE version <= ?";
    private static final String LOOKUP = "SELECT id FROM commits WHERE version = ?";
    private static final String FENCE =
            "INSERT OR REPLACE INTO commits (version, id) VALUES (0, randomblob(16))";
    private static final String NEXT_NAMESPACE =
            "SELECT namespace FROM entries WHERE namespace > ? ORDER BY namespace LIMIT 1";
    private static final String DELETE_NAMESPACE = "DELETE FROM entries WHERE namespace = ?";

    private final SqliteFile file;

    SqliteStorage(SqliteFile file) {
        this.file = file;
    }

    Entry read(String namespace, String key) throws SQLException {
        return file.read(s -> {
            PreparedStatement ps = s.prepare(READ);
            ps.setString(1, namespace);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Entry.of(key, rs.getBytes(1), rs.getLong(2)) : null;
            }
        });
    }

    List<Entry> readMany(String namespace, List<String> keys) throws SQLException {
        return file.read(s -> {
            PreparedStatement ps = s.prepare(READ_MANY);
            ps.setString(1, jsonArray(keys));
            ps.setString(2, namespace);
            List<Entry> out = new ArrayList<>(keys.size());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byte[] value = rs.getBytes(1);
                    out.add(value == null ? null
                            : Entry.of(keys.get(out.size()), value, rs.getLong(2)));
                }
            }
            return out;
        });
    }

    /** Keys as a JSON array of strings, for {@code json_each}. */
    private static String jsonArray(List<String> keys) {
        StringBuilder json = new StringBuilder(keys.size() * 16).append('[');
        for (String key : keys) {
            json.append(json.length() == 1 ? "\"" : ",\"");
            for (int i = 0; i < key.length(); i++) {
                char c = key.charAt(i);
                if (c == '"' || c == '\\') {
                    json.append('\\').append(c);
                } else if (c < 0x20) {
                    json.append(String.format("\\u%04x", (int) c));
                } else {
                    json.append(c);
                }
            }
            json.append('"');
        }
        return json.append(']').toString();
    }

    List<Entry> scan(String namespace, KeyRange range, boolean reverse, int limit)
            throws SQLException {
        if (range.isEmpty()) {
            return List.of();
        }
        return file.read(s -> {
            PreparedStatement ps = s.prepare(SCAN[index(range, reverse)]);
            int p = bind(ps, namespace, range);
            ps.setInt(p, limit);
            List<Entry> out = new ArrayList<>(Math.min(limit, 256));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(Entry.of(rs.getString(1), rs.getBytes(2), rs.getLong(3)));
                }
            }
            return out;
        });
    }

    long commit(Commit commit) throws SQLException {
        if (commit.isReadOnly() && commit.ranges().isEmpty() && commit.checks().isEmpty()
                && (commit.reads().size() <= 1 || commit.readsFromOneCall())) {
            return 0; // one statement reads one snapshot of the last committed state
        }
        if (commit.isReadOnly()) {
            return file.read(s -> {
                s.execute("BEGIN");
                try {
                    validate(s, commit);
                    return 0L;
                } finally {
                    s.rollbackQuietly();
                }
            });
        }
        return file.write(w -> {
            w.execute("BEGIN IMMEDIATE");
            long version;
            try {
                validate(w, commit);
                version = tick(w);
                apply(w, commit, version);
            } catch (SQLException | RuntimeException e) {
                w.rollbackQuietly();
                throw e;
            }
            try {
                if (file.fault() != null) {
                    file.fault().commit(w);
                } else {
                    w.execute("COMMIT");
                }
                return version;
            } catch (SQLException lost) {
                w.rollbackQuietly();
                return resolve(w, commit, version, lost);
            }
        });
    }

    /** The next version: one more than the greatest recorded, read under the write lock. */
    private static long tick(Session w) throws SQLException {
        try (ResultSet rs = w.prepare(NOW).executeQuery()) {
            rs.next();
            return rs.getLong(1) + 1;
        }
    }

    /**
     * Clears the ranges, then writes: a mutation reads its key's value under the write lock, as
     * the range deletions left it, so it applies to the value current at commit and takes no read
     * that could conflict.
     */
    private static void apply(Session w, Commit commit, long version) throws SQLException {
        for (Commit.RangeDelete d : commit.rangeDeletes()) {
            if (!d.range().isEmpty()) {
                PreparedStatement ps = w.prepare(d.range().end() == null ? CLEAR_TO_END : CLEAR);
                bind(ps, d.namespace(), d.range());
                ps.executeUpdate();
            }
        }
        for (Commit.Write write : commit.writes()) {
            switch (write.kind()) {
                case DELETE -> {
                    PreparedStatement delete = w.prepare(DELETE);
                    delete.setString(1, write.namespace());
                    delete.setString(2, write.key());
                    delete.executeUpdate();
                }
                case PUT -> put(w, write.namespace(), write.key(), write.value(), version);
                case MUTATE -> put(w, write.namespace(), write.key(),
                        Mutation.json(write.mutation().apply(wholeNumber(w, write))), version);
            }
        }
        PreparedStatement record = w.prepare(RECORD);
        record.setLong(1, version);
        record.setBytes(2, bytes(commit.id()));
        record.executeUpdate();
        if (version % EXPIRY_EVERY == 0) {
            PreparedStatement expire = w.prepare(EXPIRE);
            expire.setLong(1, version - KEPT_IDS);
            expire.executeUpdate();
        }
    }

    private static void put(Session w, String namespace, String key, byte[] value, long version)
            throws SQLException {
        PreparedStatement upsert = w.prepare(UPSERT);
        upsert.setString(1, namespace);
        upsert.setString(2, key);
        upsert.setBytes(3, value);
        upsert.setLong(4, version);
        upsert.executeUpdate();
    }

    /** The whole number a mutated key holds now, null when it has no entry. */
    private static BigInteger wholeNumber(Session w, Commit.Write write) throws SQLException {
        PreparedStatement ps = w.prepare(READ);
        ps.setString(1, write.namespace());
        ps.setString(2, write.key());
        byte[] value;
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            value = rs.getBytes(1);
        }
        BigInteger n = Mutation.wholeNumber(value);
        if (n == null) {
            throw Failures.notAnInteger(write.namespace(), write.key(), value);
        }
        return n;
    }

    /**
     * Finds out what became of a commit whose {@code COMMIT} failed, such as with an I/O error,
     * and makes the answer final: a new write transaction on the writer (SQLite's lock bounded by
     * the busy timeout) reads the commit's id where its version would be recorded, and commits a
     * write of its own, which overwrites in the WAL whatever a failed commit may have left there,
     * so a commit found missing can never appear after a crash.
     */
    private long resolve(Session w, Commit commit, long version, SQLException lost) {
        try {
            if (file.fault() != null) {
                file.fault().checkReachable();
            }
            w.execute("BEGIN IMMEDIATE");
            boolean landed;
            try {
                PreparedStatement ps = w.prepare(LOOKUP);
                ps.setLong(1, version);
                try (ResultSet rs = ps.executeQuery()) {
                    landed = rs.next() && Arrays.equals(rs.getBytes(1), bytes(commit.id()));
                }
                // a write of its own, so that the commit writes to the WAL; version 0 is none
                w.prepare(FENCE).executeUpdate();
                w.execute("COMMIT");
            } catch (SQLException e) {
                w.rollbackQuietly();
                throw e;
            }
            if (landed) {
                return version;
            }
            throw Failures.unavailable("The commit " + commit.id() + " failed and was not "
                    + "applied (" + file.settings().file() + "): " + lost.getMessage(), lost);
        } catch (SQLException e) {
            lost.addSuppressed(e);
            throw Failures.outcomeUnknown("The commit " + commit.id() + " failed ("
                    + lost.getMessage() + ") and what became of it cannot be learnt: "
                    + e.getMessage() + "; it was applied wholly or not at all ("
                    + file.settings().file() + ")", lost);
        }
    }

    /**
     * Checks every check, then every point read and listed range, against the state the session
     * reads: a failed check is reported before a conflict, as retrying cannot make it pass.
     */
    private static void validate(Session s, Commit commit) throws SQLException {
        for (Commit.Check c : commit.checks()) {
            long now = version(s, c.namespace(), c.key());
            if (now != c.version()) {
                throw Failures.checkFailed(c.namespace(), c.key(), c.version(), now);
            }
        }
        for (Commit.PointRead r : commit.reads()) {
            if (version(s, r.namespace(), r.key()) != r.version()) {
                throw Failures.changed(r.namespace(), r.key());
            }
        }
        for (Commit.RangeRead r : commit.ranges()) {
            KeyRange range = r.range();
            List<Commit.Seen> seen = r.seen();
            if (range.isEmpty()) {
                if (!seen.isEmpty()) {
                    throw Failures.rangeChanged(r.namespace(), range);
                }
                continue;
            }
            PreparedStatement ps = s.prepare(RANGE[index(range, false)]);
            int p = bind(ps, r.namespace(), range);
            ps.setInt(p, seen.size() + 1); // one more than seen tells of an insert
            int i = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (i == seen.size() || !seen.get(i).key().equals(rs.getString(1))
                            || seen.get(i).version() != rs.getLong(2)) {
                        throw Failures.rangeChanged(r.namespace(), range);
                    }
                    i++;
                }
            }
            if (i != seen.size()) {
                throw Failures.rangeChanged(r.namespace(), range);
            }
        }
    }

    /** The version of a key in the state the session reads, MISSING when it has no entry. */
    private static long version(Session s, String namespace, String key) throws SQLException {
        PreparedStatement ps = s.prepare(VERSION);
        ps.setString(1, namespace);
        ps.setString(2, key);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : KvBackend.MISSING;
        }
    }

    /**
     * The statements selecting {@code columns} of a range, at most {@code LIMIT ?} rows: to the
     * range's end and to the namespace's end, each ascending and descending.
     */
    private static String[] inRange(String columns) {
        String select = "SELECT " + columns + " FROM entries WHERE namespace = ? AND key >= ?";
        return new String[] {
            select + " AND key < ? ORDER BY key LIMIT ?",
            select + " AND key < ? ORDER BY key DESC LIMIT ?",
            select + " ORDER BY key LIMIT ?",
            select + " ORDER BY key DESC LIMIT ?"};
    }

    /** Which of {@link #inRange}'s statements reads a range in a direction. */
    private static int index(KeyRange range, boolean reverse) {
        return (range.end() == null ? 2 : 0) + (reverse ? 1 : 0);
    }

    /** Binds namespace, start and (when there is one) end; returns the next parameter's index. */
    private static int bind(PreparedStatement ps, String namespace, KeyRange range)
            throws SQLException {
        ps.setString(1, namespace);
        ps.setString(2, range.start());
        if (range.end() == null) {
            return 3;
        }
        ps.setString(3, range.end());
        return 4;
    }

    List<String> namespaces(String startAfter, int limit) throws SQLException {
        return file.read(s -> {
            // one index seek per name: DISTINCT would read every entry
            List<String> names = new ArrayList<>();
            String after = startAfter == null ? "" : startAfter;
            PreparedStatement ps = s.prepare(NEXT_NAMESPACE);
            while (names.size() < limit) {
                ps.setString(1, after);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        break;
                    }
                    after = rs.getString(1);
                }
                names.add(after);
            }
            return names;
        });
    }

    long deleteNamespace(String namespace) throws SQLException {
        return file.write(w -> {
            w.execute("BEGIN IMMEDIATE");
            try {
                PreparedStatement ps = w.prepare(DELETE_NAMESPACE);
                ps.setString(1, namespace);
                long deleted = ps.executeUpdate();
                w.execute("COMMIT");
                return deleted;
            } catch (SQLException | RuntimeException e) {
                w.rollbackQuietly();
                throw e;
            }
        });
    }

    /** The schema version and the last version given out, for a health check. */
    long lastVersion() throws SQLException {
        return file.read(s -> {
            try (ResultSet rs = s.prepare(NOW).executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).array();
    }
}
