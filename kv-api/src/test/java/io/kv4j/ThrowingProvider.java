package io.kv4j;

import io.kv4j.common.Capability;
import io.kv4j.spi.BackendConfig;
import io.kv4j.spi.Commit;
import io.kv4j.spi.Entry;
import io.kv4j.spi.KeyRange;
import io.kv4j.spi.KvBackend;
import io.kv4j.spi.KvProvider;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code kv:throwing:}: a backend whose every call throws what {@link #next} supplies, or works
 * as an empty store when it supplies null; for the tests of exception translation.
 */
public final class ThrowingProvider implements KvProvider {

    /** What the next call throws; null to answer normally. */
    static volatile Supplier<RuntimeException> next = () -> null;

    /** Creates the provider, as ServiceLoader does. */
    public ThrowingProvider() {
    }

    @Override
    public int apiVersion() {
        return API_VERSION;
    }

    @Override
    public String scheme() {
        return "throwing";
    }

    @Override
    public boolean accepts(String url) {
        return url.startsWith("kv:throwing:");
    }

    @Override
    public KvBackend open(BackendConfig config) {
        return new KvBackend() {
            private void maybeThrow() {
                RuntimeException e = next.get();
                if (e != null) {
                    throw e;
                }
            }

            @Override
            public Set<Capability> capabilities() {
                return Set.of();
            }

            @Override
            public Entry read(String namespace, String key) {
                maybeThrow();
                return null;
            }

            @Override
            public List<Entry> scan(String namespace, KeyRange range, boolean reverse,
                    int limit) {
                maybeThrow();
                return List.of();
            }

            @Override
            public long commit(Commit commit) {
                maybeThrow();
                return 1;
            }

            @Override
            public List<String> namespaces(String startAfter, int limit) {
                maybeThrow();
                return List.of();
            }

            @Override
            public long deleteNamespace(String namespace) {
                maybeThrow();
                return 0;
            }

            @Override
            public void close() {
            }
        };
    }
}
