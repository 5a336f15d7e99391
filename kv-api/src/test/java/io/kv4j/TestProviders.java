package io.kv4j;

import io.kv4j.spi.Commit;
import io.kv4j.spi.Entry;
import io.kv4j.spi.KeyOrder;
import io.kv4j.spi.KvBackend;
import io.kv4j.spi.KvProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Providers for the lookup tests, registered in META-INF/services of the test class path. */
final class TestProviders {

    private TestProviders() {
    }

    /** A working provider for {@code kv:stub:}, taking one option of its own: {@code greeting}. */
    public static final class Stub implements KvProvider {
        @Override
        public String scheme() {
            return "stub";
        }

        @Override
        public boolean accepts(String url) {
            return url.startsWith("kv:stub:");
        }

        @Override
        public KvBackend open(String url, Map<String, String> options) {
            for (String name : options.keySet()) {
                if (!name.equals("greeting")) {
                    throw new IllegalArgumentException("Unknown option '" + name + "' for " + url);
                }
            }
            return new MapBackend();
        }
    }

    /** One of two providers that both accept {@code kv:twin:}. */
    public static final class TwinA extends Twin {
        static final AtomicInteger OPENED = new AtomicInteger();

        @Override
        public String scheme() {
            return "twin-a";
        }

        @Override
        public KvBackend open(String url, Map<String, String> options) {
            OPENED.incrementAndGet();
            return new MapBackend();
        }
    }

    /** The other of two providers that both accept {@code kv:twin:}. */
    public static final class TwinB extends Twin {
        @Override
        public String scheme() {
            return "twin-b";
        }
    }

    abstract static class Twin implements KvProvider {
        @Override
        public boolean accepts(String url) {
            return url.startsWith("kv:twin:");
        }

        @Override
        public KvBackend open(String url, Map<String, String> options) {
            return new MapBackend();
        }
    }

    /** A provider that cannot even be constructed. */
    public static final class Broken extends Twin {
        /** Fails, as a provider with a missing dependency would. */
        public Broken() {
            throw new IllegalStateException("broken provider: missing native library");
        }

        @Override
        public String scheme() {
            return "broken";
        }
    }

    /** A provider built for another SPI version. */
    public static final class Old extends Twin {
        @Override
        public String scheme() {
            return "old";
        }

        @Override
        public boolean accepts(String url) {
            return url.startsWith("kv:old:");
        }

        @Override
        public int apiVersion() {
            return 0;
        }
    }

    /** The simplest correct backend: one lock around a sorted map. */
    static final class MapBackend implements KvBackend {
        private final TreeMap<String, Entry> entries = new TreeMap<>(KeyOrder.COMPARATOR);
        private long version;

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
            List<Entry> out = new ArrayList<>();
            for (Map.Entry<String, Entry> e : entries.tailMap(id(namespace, prefix)).entrySet()) {
                String key = e.getValue().key();
                if (!e.getKey().startsWith(namespace + '\u0000') || !key.startsWith(prefix)
                        || out.size() == limit) {
                    break;
                }
                if (startAfter == null || KeyOrder.compare(key, startAfter) > 0) {
                    out.add(e.getValue());
                }
            }
            return out;
        }

        @Override
        public synchronized void commit(Commit commit) {
            long v = ++version;
            for (Commit.Write w : commit.writes()) {
                if (w.isDelete()) {
                    entries.remove(id(w.namespace(), w.key()));
                } else {
                    entries.put(id(w.namespace(), w.key()), new Entry(w.key(), w.value(), v));
                }
            }
        }

        @Override
        public void close() {
        }
    }
}
