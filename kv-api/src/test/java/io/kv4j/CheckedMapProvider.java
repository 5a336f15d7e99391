package io.kv4j;

import io.kv4j.spi.BackendConflictException;
import io.kv4j.spi.Commit;
import io.kv4j.spi.Entry;
import io.kv4j.spi.KeyOrder;
import io.kv4j.spi.KvBackend;
import io.kv4j.spi.KvProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    /** Creates the provider, as ServiceLoader does. */
    public CheckedMapProvider() {
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
    public KvBackend open(String url, Map<String, String> options) {
        long delay = 0;
        for (Map.Entry<String, String> o : options.entrySet()) {
            if (!o.getKey().equals("commit-delay-us")) {
                throw new IllegalArgumentException("Unknown option '" + o.getKey() + "'");
            }
            delay = Long.parseLong(o.getValue());
        }
        return new Backend(delay);
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
        public synchronized Entry read(String namespace, String key) {
            return entries.get(id(namespace, key));
        }

        @Override
        public synchronized List<Entry> scan(String namespace, String prefix, String startAfter,
                int limit) {
            boolean fromPrefix = startAfter == null || KeyOrder.compare(startAfter, prefix) < 0;
            String from = id(namespace, fromPrefix ? prefix : startAfter);
            List<Entry> out = new ArrayList<>();
            for (Map.Entry<String, Entry> e : entries.tailMap(from, fromPrefix).entrySet()) {
                if (out.size() == limit || !e.getKey().startsWith(id(namespace, prefix))) {
                    break;
                }
                out.add(e.getValue());
            }
            return out;
        }

        @Override
        public void commit(Commit commit) {
            if (delayNanos > 0) {
                long end = System.nanoTime() + delayNanos;
                while (System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
            }
            synchronized (this) {
                for (Commit.PointRead r : commit.reads()) {
                    Entry now = entries.get(id(r.namespace(), r.key()));
                    if ((now == null ? MISSING : now.version()) != r.version()) {
                        CONFLICTS.incrementAndGet();
                        throw new BackendConflictException("key " + r.key() + " changed",
                                r.namespace(), r.key(), null);
                    }
                }
                for (Commit.RangeRead g : commit.ranges()) {
                    List<Entry> now = scan(g.namespace(), g.prefix(), g.startAfter(), Integer.MAX_VALUE);
                    List<Commit.Seen> seen = new ArrayList<>();
                    for (Entry e : now) {
                        if (g.covers(e.key())) {
                            seen.add(new Commit.Seen(e.key(), e.version()));
                        }
                    }
                    if (!seen.equals(g.seen())) {
                        CONFLICTS.incrementAndGet();
                        throw new BackendConflictException("prefix " + g.prefix() + " changed",
                                g.namespace(), null, null);
                    }
                }
                long v = ++version;
                for (Commit.Write w : commit.writes()) {
                    if (w.isDelete()) {
                        entries.remove(id(w.namespace(), w.key()));
                    } else {
                        entries.put(id(w.namespace(), w.key()), new Entry(w.key(), w.value(), v));
                    }
                }
            }
        }

        @Override
        public void close() {
        }
    }
}
