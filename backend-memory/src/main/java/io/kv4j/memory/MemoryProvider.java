package io.kv4j.memory;

import io.kv4j.common.Capability;
import io.kv4j.spi.BackendConfig;
import io.kv4j.spi.KvBackend;
import io.kv4j.spi.KvProvider;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Opens memory storage. {@code kv:memory:} gives a store its own storage; {@code kv:memory:NAME}
 * shares one storage between every store opened with that name until the last of them closes.
 * It has no options of its own; the request engine's apply.
 */
public final class MemoryProvider implements KvProvider {

    private static final String PREFIX = "kv:memory:";

    /** Named storages, with how many open backends use each. Guarded by itself. */
    private static final Map<String, Shared> NAMED = new HashMap<>();

    /** Creates the provider; it holds no state of its own. */
    public MemoryProvider() {
    }

    @Override
    public int apiVersion() {
        return API_VERSION;
    }

    @Override
    public String scheme() {
        return "memory";
    }

    /**
     * {@inheritDoc}
     *
     * <p>A value is kept as the one byte array the engine wrote, and a JVM allocates no array
     * longer than about {@code Integer.MAX_VALUE - 8}, where the JDK's own growable arrays stop;
     * that is above the largest {@code max-value-bytes}, so no setting of it is refused here.
     */
    @Override
    public int maxValueBytes() {
        return Integer.MAX_VALUE - 8;
    }

    @Override
    public boolean accepts(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public KvBackend open(BackendConfig config) {
        String url = config.url();
        if (!accepts(url)) {
            throw new IllegalArgumentException("Not a memory URL: " + url);
        }
        String name = url.substring(PREFIX.length());
        if (name.isEmpty()) {
            return new MemoryBackend(new MemoryStorage(), Set.of(Capability.PRIVATE_TO_STORE),
                    () -> { });
        }
        synchronized (NAMED) {
            Shared shared = NAMED.computeIfAbsent(name, n -> new Shared());
            shared.users++;
            return new MemoryBackend(shared.storage, Set.of(), () -> release(name, shared));
        }
    }

    private static void release(String name, Shared shared) {
        synchronized (NAMED) {
            if (--shared.users == 0) {
                NAMED.remove(name, shared);
            }
        }
    }

    private static final class Shared {
        final MemoryStorage storage = new MemoryStorage();
        int users;
    }
}
