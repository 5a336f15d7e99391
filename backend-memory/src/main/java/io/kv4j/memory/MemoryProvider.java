package io.kv4j.memory;

import io.kv4j.spi.KvBackend;
import io.kv4j.spi.KvProvider;
import java.util.HashMap;
import java.util.Map;

/**
 * Opens memory storage. {@code kv:memory:} gives a store its own storage; {@code kv:memory:NAME}
 * shares one storage between every store opened with that name until the last of them closes.
 * It takes no options.
 */
public final class MemoryProvider implements KvProvider {

    private static final String PREFIX = "kv:memory:";

    /** Named storages, with how many open backends use each. Guarded by itself. */
    private static final Map<String, Shared> NAMED = new HashMap<>();

    /** Creates the provider; it holds no state of its own. */
    public MemoryProvider() {
    }

    @Override
    public String scheme() {
        return "memory";
    }

    @Override
    public boolean accepts(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public KvBackend open(String url, Map<String, String> options) {
        if (!accepts(url)) {
            throw new IllegalArgumentException("Not a memory URL: " + url);
        }
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("Unknown option '" + options.keySet().iterator().next()
                    + "' for " + url + ": the memory backend takes no options");
        }
        String name = url.substring(PREFIX.length());
        if (name.isEmpty()) {
            return new MemoryBackend(new MemoryStorage(), () -> { });
        }
        synchronized (NAMED) {
            Shared shared = NAMED.computeIfAbsent(name, n -> new Shared());
            shared.users++;
            return new MemoryBackend(shared.storage, () -> release(name, shared));
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
