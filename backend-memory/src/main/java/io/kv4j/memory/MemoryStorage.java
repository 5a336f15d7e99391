package io.kv4j.memory;

import io.kv4j.spi.BackendConflictException;
import io.kv4j.spi.Commit;
import io.kv4j.spi.Entry;
import io.kv4j.spi.KeyOrder;
import io.kv4j.spi.KvBackend;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Entries per namespace, each held twice: in a hash map for point reads and in a sorted map for
 * listings. Reads take no lock. Commits are serialised by one lock, under which they validate and
 * apply; a reader may see a commit half applied, which is why the request engine validates every
 * read at commit.
 */
final class MemoryStorage {

    private final ConcurrentHashMap<String, Space> spaces = new ConcurrentHashMap<>();
    private final Object commitLock = new Object();
    /** The last version given out. Guarded by commitLock. */
    private long version;

    /** One namespace's entries. Written only under commitLock. */
    private static final class Space {
        final ConcurrentHashMap<String, Entry> byKey = new ConcurrentHashMap<>();
        final ConcurrentSkipListMap<String, Entry> ordered =
                new ConcurrentSkipListMap<>(KeyOrder.COMPARATOR);
    }

    Entry read(String namespace, String key) {
        Space space = spaces.get(namespace);
        return space == null ? null : space.byKey.get(key);
    }

    List<Entry> scan(String namespace, String prefix, String startAfter, int limit) {
        List<Entry> out = new ArrayList<>(Math.min(limit, 256));
        Iterator<Entry> it = range(namespace, prefix, startAfter).values().iterator();
        while (out.size() < limit && it.hasNext()) {
            Entry e = it.next();
            if (!e.key().startsWith(prefix)) {
                break;
            }
            out.add(e);
        }
        return out;
    }

    /** The entries of a namespace from the prefix, or strictly after {@code after}. */
    private ConcurrentNavigableMap<String, Entry> range(String namespace, String prefix,
            String after) {
        Space space = spaces.get(namespace);
        if (space == null) {
            return new ConcurrentSkipListMap<>();
        }
        return after == null || KeyOrder.compare(after, prefix) < 0
                ? space.ordered.tailMap(prefix, true)
                : space.ordered.tailMap(after, false);
    }

    void commit(Commit commit) {
        if (commit.writes().isEmpty() && commit.ranges().isEmpty() && commit.reads().size() <= 1) {
            return; // one read of the live map was already a consistent snapshot
        }
        synchronized (commitLock) {
            for (Commit.PointRead r : commit.reads()) {
                Entry now = read(r.namespace(), r.key());
                long current = now == null ? KvBackend.MISSING : now.version();
                if (current != r.version()) {
                    throw new BackendConflictException("key '" + r.key() + "' of function '"
                            + r.namespace() + "' changed since it was read");
                }
            }
            for (Commit.RangeRead r : commit.ranges()) {
                validate(r);
            }
            if (commit.writes().isEmpty()) {
                return;
            }
            long v = ++version;
            for (Commit.Write w : commit.writes()) {
                Space space = spaces.computeIfAbsent(w.namespace(), ns -> new Space());
                if (w.isDelete()) {
                    space.byKey.remove(w.key());
                    space.ordered.remove(w.key());
                } else {
                    Entry e = new Entry(w.key(), w.value(), v);
                    space.byKey.put(w.key(), e);
                    space.ordered.put(w.key(), e);
                }
            }
        }
    }

    private void validate(Commit.RangeRead r) {
        Iterator<Entry> now = range(r.namespace(), r.prefix(), r.startAfter()).values().iterator();
        for (Commit.Seen seen : r.seen()) {
            Entry e = next(now, r);
            if (e == null || !e.key().equals(seen.key()) || e.version() != seen.version()) {
                throw new BackendConflictException("the keys with prefix '" + r.prefix()
                        + "' of function '" + r.namespace() + "' changed since they were listed");
            }
        }
        if (next(now, r) != null) {
            throw new BackendConflictException("a key with prefix '" + r.prefix()
                    + "' of function '" + r.namespace() + "' appeared since they were listed");
        }
    }

    private static Entry next(Iterator<Entry> it, Commit.RangeRead r) {
        if (!it.hasNext()) {
            return null;
        }
        Entry e = it.next();
        return r.covers(e.key()) ? e : null;
    }
}
