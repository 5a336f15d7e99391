package io.kv4j.postgres;

import io.kv4j.spi.Commit;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The advisory locks of a commit that writes, in ascending order of their ids: the order in
 * which every commit takes them, so that none waits for another in a cycle.
 *
 * <p>Ids are 64-bit hashes ({@link #hash}) of the schema's seed, a tag and the names, so the
 * scheme is part of the schema's version: a change to it needs a new migration, which older
 * libraries refuse. Two names sharing an id only make commits wait for each other.
 */
final class CommitLocks {

    /** Past this many keys in one commit, its namespaces are locked instead. */
    static final int MAX_KEY_LOCKS = 64;

    final ArrayText ids = new ArrayText();
    final ArrayText exclusive = new ArrayText();

    static CommitLocks of(Commit commit, long seed) {
        Map<Long, Boolean> locks = new TreeMap<>();
        Set<String> namespaces = new HashSet<>(4);
        int keys = commit.reads().size() + commit.checks().size() + commit.writes().size();
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
        // a check is a read whose failure is not a conflict: the same lock keeps the key still
        for (Commit.Check c : commit.checks()) {
            namespaces.add(c.namespace());
            if (!escalate) {
                locks.merge(keyId(seed, c.namespace(), c.key()), false, Boolean::logicalOr);
            }
        }
        for (String ns : namespaces) {
            locks.merge(namespaceId(seed, ns), escalate, Boolean::logicalOr);
        }
        for (Commit.RangeRead g : commit.ranges()) {
            locks.put(namespaceId(seed, g.namespace()), true);
        }
        // a range deletion is locked as a listing is, so that it waits for the commits under way
        // in the namespace and deletes what they inserted, and every later one that read a key
        // it deleted sees the deletion
        for (Commit.RangeDelete d : commit.rangeDeletes()) {
            locks.put(namespaceId(seed, d.namespace()), true);
        }
        CommitLocks out = new CommitLocks();
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
