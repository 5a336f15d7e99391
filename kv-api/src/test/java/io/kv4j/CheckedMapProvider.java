package io.kv4j;

import io.kv4j.common.Capability;
import io.kv4j.common.Option;
import io.kv4j.spi.BackendConfig;
import io.kv4j.spi.BackendException;
import io.kv4j.spi.Commit;
import io.kv4j.spi.Entry;
import io.kv4j.spi.KeyOrder;
import io.kv4j.spi.KeyRange;
import io.kv4j.spi.KvBackend;
import io.kv4j.spi.KvProvider;
import io.kv4j.spi.Mutation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code kv:checked:}: a small correct backend for the engine's tests, one sorted map under one
 * lock, whose commits validate every read. Option {@code commit-delay-us} makes each commit take
 * that long before it validates, as a round trip to a server would, which widens the window in
 * which concurrent requests conflict. It counts the commits it refused.
 */
public final class CheckedMapProvider implements KvProvider {

    /** Commits refused by every backend of this provider since the JVM started. */
    static final AtomicLong CONFLICTS = new AtomicLong();

    /** How long each commit takes before it validates. */
    static final Option<Integer> COMMIT_DELAY_US = Option.integer("commit-delay-us", 0, 0,
            1_000_000, "How long each commit takes before it validates, in microseconds.");

    /** Creates the provider, as ServiceLoader does. */
    public CheckedMapProvider() {
    }

    @Override
    public int apiVersion() {
        return API_VERSION;
    }

    @Override
    public String scheme() {
        return "checked";
    }

    @Override
    public boolean accepts(String url) {
        return url.startsWith("kv:checked:");
    }

    @Override
    public List<Option<?>> options() {
        return List.of(COMMIT_DELAY_US);
    }

    @Override
    public KvBackend open(BackendConfig config) {
        return new Backend(config.get(COMMIT_DELAY_US));
    }

    /** A fresh backend of its own storage, for providers of the engine's other tests. */
    static KvBackend newBackend() {
        return new Backend(0);
    }

    private static final class Backend implements KvBackend {
        private final TreeMap<String, Entry> entries = new TreeMap<>(KeyOrder.COMPARATOR);
        private final long delayNanos;
        private long version;

        Backend(long delayMicros) {
            this.delayNanos = TimeUnit.MICROSECONDS.toNanos(delayMicros);
        }

        private static String id(String namespace, String key) {
            return namespace + '\u0000' + key;
        }

        @Override
        public Set<Capability> capabilities() {
            return Set.of(Capability.PRIVATE_TO_STORE);
        }

        @Override
        public synchronized Entry read(String namespace, String key) {
            return entries.get(id(namespace, key));
        }

        private NavigableMap<String, Entry> slice(String namespace, KeyRange range) {
            if (range.isEmpty()) {
                return new TreeMap<>();
            }
            String low = id(namespace, range.start());
            String high = range.end() == null ? namespace + '\u0001' : id(namespace, range.end());
            return entries.subMap(low, true, high, false);
        }

        @Override
        public synchronized List<Entry> scan(String namespace, KeyRange range, boolean reverse,
                int limit) {
            NavigableMap<String, Entry> slice = slice(namespace, range);
            List<Entry> out = new ArrayList<>();
            for (Entry e : (reverse ? slice.descendingMap() : slice).values()) {
                if (out.size() == limit) {
                    break;
                }
                out.add(e);
            }
            return out;
        }

        @Override
        public long commit(Commit commit) {
            if (delayNanos > 0) {
                long end = System.nanoTime() + delayNanos;
                while (System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
            }
            synchronized (this) {
                for (Commit.Check c : commit.checks()) {
                    Entry now = entries.get(id(c.namespace(), c.key()));
                    long found = now == null ? MISSING : now.version();
                    if (found != c.version()) {
                        throw BackendException.checkFailed(c.namespace(), c.key(), c.version(),
                                found);
                    }
                }
                for (Commit.PointRead r : commit.reads()) {
                    Entry now = entries.get(id(r.namespace(), r.key()));
                    if ((now == null ? MISSING : now.version()) != r.version()) {
                        CONFLICTS.incrementAndGet();
                        throw BackendException.readChanged(r.namespace(), r.key());
                    }
                }
                for (Commit.RangeRead g : commit.ranges()) {
                    List<Entry> now = scan(g.namespace(), g.range(), false, Integer.MAX_VALUE);
                    List<Commit.Seen> seen = new ArrayList<>();
                    for (Entry e : now) {
                        if (g.covers(e.key())) {
                            seen.add(Commit.Seen.of(e.key(), e.version()));
                        }
                    }
                    if (!seen.equals(g.seen())) {
                        CONFLICTS.incrementAndGet();
                        throw BackendException.rangeChanged(g.namespace(), g.range());
                    }
                }
                List<byte[]> values = new ArrayList<>();
                for (Commit.Write w : commit.writes()) {
                    values.add(w.kind() == Commit.Write.Kind.MUTATE ? mutated(commit, w)
                            : w.value());
                }
                long v = ++version;
                for (Commit.RangeDelete d : commit.rangeDeletes()) {
                    slice(d.namespace(), d.range()).clear();
                }
                for (int i = 0; i < values.size(); i++) {
                    Commit.Write w = commit.writes().get(i);
                    if (w.isDelete()) {
                        entries.remove(id(w.namespace(), w.key()));
                    } else {
                        entries.put(id(w.namespace(), w.key()), Entry.of(w.key(), values.get(i),
                                v));
                    }
                }
                return v;
            }
        }

        /** The value a mutation gives its key after the commit's range deletions. */
        private byte[] mutated(Commit commit, Commit.Write w) {
            Entry now = entries.get(id(w.namespace(), w.key()));
            for (Commit.RangeDelete d : commit.rangeDeletes()) {
                if (d.namespace().equals(w.namespace()) && d.range().covers(w.key())) {
                    now = null;
                }
            }
            java.math.BigInteger x = now == null ? null : Mutation.wholeNumber(now.value());
            if (now != null && x == null) {
                throw BackendException.notAnInteger(w.namespace(), w.key(),
                        new String(now.value(), java.nio.charset.StandardCharsets.UTF_8));
            }
            return Mutation.json(w.mutation().apply(x));
        }

        @Override
        public synchronized List<String> namespaces(String startAfter, int limit) {
            TreeSet<String> names = new TreeSet<>(KeyOrder.COMPARATOR);
            for (String id : entries.keySet()) {
                names.add(id.substring(0, id.indexOf('\u0000')));
            }
            List<String> out = new ArrayList<>();
            for (String n : startAfter == null ? names : names.tailSet(startAfter, false)) {
                if (out.size() == limit) {
                    break;
                }
                out.add(n);
            }
            return out;
        }

        @Override
        public synchronized long deleteNamespace(String namespace) {
            long n = 0;
            for (Iterator<String> it = entries.keySet().iterator(); it.hasNext(); ) {
                if (it.next().startsWith(namespace + '\u0000')) {
                    it.remove();
                    n++;
                }
            }
            return n;
        }

        @Override
        public void close() {
        }
    }
}
