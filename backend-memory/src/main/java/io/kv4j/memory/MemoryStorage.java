package io.kv4j.memory;

import io.kv4j.spi.BackendException;
import io.kv4j.spi.Commit;
import io.kv4j.spi.Entry;
import io.kv4j.spi.KeyOrder;
import io.kv4j.spi.KeyRange;
import io.kv4j.spi.KvBackend;
import io.kv4j.spi.Mutation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Entries per namespace, each key's slot held twice: in a hash map for point reads and in a
 * sorted map for listings, so that overwriting a key touches the slot alone. Reads take no lock.
 * Commits are serialised by one lock, under which they check, validate and apply (range
 * deletions, then writes, a mutation computed from the value its key holds then); a reader may
 * see a commit half applied, which is why the request engine validates every read at commit.
 */
final class MemoryStorage {

    private final ConcurrentHashMap<String, Space> spaces = new ConcurrentHashMap<>();
    private final Object commitLock = new Object();
    /** The last version given out. Guarded by commitLock. */
    private long version;

    /** One namespace's entries. Written only under commitLock. */
    private static final class Space {
        final ConcurrentHashMap<String, Slot> byKey = new ConcurrentHashMap<>();
        final ConcurrentSkipListMap<String, Slot> ordered =
                new ConcurrentSkipListMap<>(KeyOrder.COMPARATOR);
    }

    /** A key's current entry; null once the key is deleted. */
    private static final class Slot {
        volatile Entry entry;

        Slot(Entry entry) {
            this.entry = entry;
        }
    }

    Entry read(String namespace, String key) {
        Space space = spaces.get(namespace);
        Slot slot = space == null ? null : space.byKey.get(key);
        return slot == null ? null : slot.entry;
    }

    List<Entry> scan(String namespace, KeyRange range, boolean reverse, int limit) {
        List<Entry> out = new ArrayList<>(Math.min(limit, 256));
        ConcurrentNavigableMap<String, Slot> slots = slots(namespace, range);
        Iterator<Slot> it = (reverse ? slots.descendingMap() : slots).values().iterator();
        while (out.size() < limit && it.hasNext()) {
            Entry e = it.next().entry;
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    /** The slots of a namespace's keys in a range. */
    private ConcurrentNavigableMap<String, Slot> slots(String namespace, KeyRange range) {
        Space space = spaces.get(namespace);
        if (space == null || range.isEmpty()) {
            return new ConcurrentSkipListMap<>(KeyOrder.COMPARATOR);
        }
        return range.end() == null
                ? space.ordered.tailMap(range.start(), true)
                : space.ordered.subMap(range.start(), true, range.end(), false);
    }

    /** The version of a key's entry, {@link KvBackend#MISSING} when it has none. */
    private long version(String namespace, String key) {
        Entry now = read(namespace, key);
        return now == null ? KvBackend.MISSING : now.version();
    }

    long commit(Commit commit) {
        if (commit.isReadOnly() && commit.ranges().isEmpty() && commit.checks().isEmpty()
                && commit.reads().size() <= 1) {
            return 0; // one read of the live map was already a consistent snapshot
        }
        synchronized (commitLock) {
            // a failed check wins over a conflict: running the transaction again cannot help
            for (Commit.Check c : commit.checks()) {
                long current = version(c.namespace(), c.key());
                if (current != c.version()) {
                    throw BackendException.checkFailed(c.namespace(), c.key(), c.version(),
                            current);
                }
            }
            for (Commit.PointRead r : commit.reads()) {
                if (version(r.namespace(), r.key()) != r.version()) {
                    throw BackendException.readChanged(r.namespace(), r.key());
                }
            }
            for (Commit.RangeRead r : commit.ranges()) {
                validate(r);
            }
            if (commit.isReadOnly()) {
                return 0;
            }
            // every mutation's value first, so that one on a non-integer fails before any change
            List<byte[]> values = new ArrayList<>(commit.writes().size());
            for (Commit.Write w : commit.writes()) {
                values.add(w.kind() == Commit.Write.Kind.MUTATE ? mutated(commit, w) : w.value());
            }
            long v = ++version;
            for (Commit.RangeDelete d : commit.rangeDeletes()) {
                Space space = spaces.get(d.namespace());
                Map<String, Slot> gone = slots(d.namespace(), d.range());
                for (Map.Entry<String, Slot> e : gone.entrySet()) {
                    e.getValue().entry = null;
                    space.byKey.remove(e.getKey());
                }
                gone.clear();
            }
            for (int i = 0; i < commit.writes().size(); i++) {
                Commit.Write w = commit.writes().get(i);
                Space space = spaces.computeIfAbsent(w.namespace(), ns -> new Space());
                Slot slot = space.byKey.get(w.key());
                byte[] value = values.get(i);
                if (w.isDelete()) {
                    if (slot != null) {
                        slot.entry = null;
                        space.byKey.remove(w.key());
                        space.ordered.remove(w.key());
                    }
                } else if (slot != null) {
                    slot.entry = Entry.of(w.key(), value, v);
                } else {
                    slot = new Slot(Entry.of(w.key(), value, v));
                    space.byKey.put(w.key(), slot);
                    space.ordered.put(w.key(), slot);
                }
            }
            return v;
        }
    }

    /** The value a mutation gives its key, after the commit's range deletions. */
    private byte[] mutated(Commit commit, Commit.Write w) {
        Entry now = read(w.namespace(), w.key());
        for (Commit.RangeDelete d : commit.rangeDeletes()) {
            if (d.namespace().equals(w.namespace()) && d.range().covers(w.key())) {
                now = null;
            }
        }
        java.math.BigInteger current = null;
        if (now != null) {
            current = Mutation.wholeNumber(now.value());
            if (current == null) {
                String found = new String(now.value(), java.nio.charset.StandardCharsets.UTF_8);
                throw BackendException.notAnInteger(w.namespace(), w.key(), found);
            }
        }
        return Mutation.json(w.mutation().apply(current));
    }

    List<String> namespaces(String startAfter, int limit) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, Space> e : spaces.entrySet()) {
            if (!e.getValue().byKey.isEmpty()
                    && (startAfter == null || KeyOrder.compare(e.getKey(), startAfter) > 0)) {
                names.add(e.getKey());
            }
        }
        names.sort(KeyOrder.COMPARATOR);
        return names.size() <= limit ? names : names.subList(0, limit);
    }

    long deleteNamespace(String namespace) {
        synchronized (commitLock) {
            Space space = spaces.remove(namespace);
            if (space == null) {
                return 0;
            }
            long n = 0;
            for (Slot slot : space.byKey.values()) {
                slot.entry = null;
                n++;
            }
            return n;
        }
    }

    private void validate(Commit.RangeRead r) {
        Iterator<Slot> now = slots(r.namespace(), r.range()).values().iterator();
        for (Commit.Seen seen : r.seen()) {
            Entry e = next(now);
            if (e == null || !e.key().equals(seen.key()) || e.version() != seen.version()) {
                throw BackendException.rangeChanged(r.namespace(), r.range());
            }
        }
        if (next(now) != null) {
            throw BackendException.rangeChanged(r.namespace(), r.range());
        }
    }

    /** The next live entry, or null at the end. */
    private static Entry next(Iterator<Slot> it) {
        while (it.hasNext()) {
            Entry e = it.next().entry;
            if (e != null) {
                return e;
            }
        }
        return null;
    }
}
