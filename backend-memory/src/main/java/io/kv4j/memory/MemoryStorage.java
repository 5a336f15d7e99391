package io.kv4j.memory;

import io.kv4j.spi.BackendConflictException;
import io.kv4j.spi.Commit;
import io.kv4j.spi.Entry;
import io.kv4j.spi.KeyOrder;
import io.kv4j.spi.KvBackend;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Entries of every namespace in one concurrent sorted map. Reads take no lock. Commits are
 * serialised by one lock, under which they validate and apply; a reader may see a commit half
 * applied, which is why the request engine validates every read at commit.
 */
final class MemoryStorage {

    private final ConcurrentSkipListMap<Id, Entry> entries = new ConcurrentSkipListMap<>();
    private final Object commitLock = new Object();
    /** The last version given out. Guarded by commitLock. */
    private long version;

    Entry read(String namespace, String key) {
        return entries.get(new Id(namespace, key));
    }

    List<Entry> scan(String namespace, String prefix, String startAfter, int limit) {
        List<Entry> out = new ArrayList<>(Math.min(limit, 256));
        Iterator<Map.Entry<Id, Entry>> it = range(namespace, prefix, startAfter).entrySet().iterator();
        while (out.size() < limit && it.hasNext()) {
            Map.Entry<Id, Entry> e = it.next();
            if (!e.getKey().key().startsWith(prefix)) {
                break;
            }
            out.add(e.getValue());
        }
        return out;
    }

    /** The entries of a namespace from the prefix, or strictly after {@code after}. */
    private ConcurrentNavigableMap<Id, Entry> range(String namespace, String prefix, String after) {
        // no namespace holds U+0000, so this bound lies after every key of this namespace alone
        Id end = new Id(namespace + '\u0000', "");
        return after == null || KeyOrder.compare(after, prefix) < 0
                ? entries.subMap(new Id(namespace, prefix), true, end, false)
                : entries.subMap(new Id(namespace, after), false, end, false);
    }

    void commit(Commit commit) {
        if (commit.writes().isEmpty() && commit.ranges().isEmpty() && commit.reads().size() <= 1) {
            return; // one read of the live map was already a consistent snapshot
        }
        synchronized (commitLock) {
            for (Commit.PointRead r : commit.reads()) {
                Entry now = entries.get(new Id(r.namespace(), r.key()));
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
                Id id = new Id(w.namespace(), w.key());
                if (w.isDelete()) {
                    entries.remove(id);
                } else {
                    entries.put(id, new Entry(w.key(), w.value(), v));
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

    /** A namespace and a key, ordered by namespace then key, both in UTF-8 byte order. */
    private record Id(String namespace, String key) implements Comparable<Id> {
        @Override
        public int compareTo(Id o) {
            int c = KeyOrder.compare(namespace, o.namespace);
            return c != 0 ? c : KeyOrder.compare(key, o.key);
        }
    }
}
