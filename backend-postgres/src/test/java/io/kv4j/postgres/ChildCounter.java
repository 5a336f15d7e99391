package io.kv4j.postgres;

import io.kv4j.KvConflictException;
import io.kv4j.KvStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A process of the hot-key tests: threads that each increment one counter through {@code run}
 * with the engine's default options. Arguments: store URL, function, key, threads, increments per
 * thread, then options as {@code name=value}. Prints {@code GAVE UP <n>}, the requests that ended
 * in {@link KvConflictException}, and exits with 0 when that is none.
 */
public final class ChildCounter {

    private ChildCounter() {
    }

    /**
     * Runs the increments.
     *
     * @param args see the class comment
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 5; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            options.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        int gaveUp = increment(args[0], options, args[1], args[2], Integer.parseInt(args[3]),
                Integer.parseInt(args[4]));
        System.out.println("GAVE UP " + gaveUp);
        System.exit(gaveUp == 0 ? 0 : 1);
    }

    /** Runs the increments in this JVM; returns how many requests gave up on conflicts. */
    static int increment(String url, Map<String, String> options, String function, String key,
            int threads, int perThread) throws Exception {
        AtomicInteger gaveUp = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (KvStore store = KvStore.open(url, options)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        try {
                            store.run(function, kv -> {
                                Long n = kv.get(key, Long.class);
                                kv.set(key, n == null ? 1 : n + 1);
                                return null;
                            });
                        } catch (KvConflictException e) {
                            gaveUp.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return gaveUp.get();
    }
}
