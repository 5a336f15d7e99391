package io.kv4j.postgres;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The open caches of this JVM, by the data they hold (server, database, schema). A commit drops
 * what it wrote from the caches of the other stores on the same data before it returns, so that
 * in one JVM a request that starts after a commit returned never reads what it overwrote;
 * other JVMs learn of it through a notification.
 */
final class Peers {

    private static final Map<String, List<ReadCache>> OPEN = new ConcurrentHashMap<>();

    private Peers() {
    }

    static void join(String identity, ReadCache cache) {
        OPEN.computeIfAbsent(identity, k -> new CopyOnWriteArrayList<>()).add(cache);
    }

    static void leave(String identity, ReadCache cache) {
        OPEN.computeIfPresent(identity, (k, list) -> {
            list.remove(cache);
            return list.isEmpty() ? null : list;
        });
    }

    /** Every open cache on the same data but {@code own}. */
    static List<ReadCache> others(String identity, ReadCache own) {
        List<ReadCache> all = OPEN.getOrDefault(identity, List.of());
        if (all.size() == 1 && all.get(0) == own) {
            return List.of();
        }
        List<ReadCache> out = new java.util.ArrayList<>(all);
        out.remove(own);
        return out;
    }
}
