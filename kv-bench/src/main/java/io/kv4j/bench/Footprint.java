package io.kv4j.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;

/**
 * Heap bytes per key: the heap in use after a full garbage collection with the keys loaded, less
 * the heap in use after one before loading, divided by the keys. Keys and values are created
 * during the load and referenced only by the store, so they are counted as the store's.
 */
final class Footprint {

    /**
     * One implementation's footprint.
     *
     * @param impl the adapter name
     * @param keys how many keys were loaded
     * @param bytes the growth of the heap in use after full GC
     */
    record Measure(String impl, int keys, long bytes) {

        double bytesPerKey() {
            return (double) bytes / keys;
        }
    }

    private static final int MAX_GCS = 10;

    private Footprint() {
    }

    /** Measures kv4j on {@code kv:memory:} and the map baseline, one after the other. */
    static List<Measure> measure(int keys) throws Exception {
        List<Measure> out = new ArrayList<>(2);
        for (String impl : List.of(Adapters.KV4J, Adapters.MAP)) {
            out.add(measure(impl, keys));
        }
        return out;
    }

    static Measure measure(String impl, int keys) throws Exception {
        long before = usedAfterGc();
        try (Adapter adapter = Adapters.memory(impl)) {
            for (int start = 0; start < keys; start += Keys.BLOCK) {
                List<String> block = new ArrayList<>(Keys.BLOCK);
                for (int i = start; i < Math.min(start + Keys.BLOCK, keys); i++) {
                    block.add(Keys.key(i));
                }
                adapter.load(block);
            }
            long after = usedAfterGc();
            Reference.reachabilityFence(adapter);
            return new Measure(impl, keys, after - before);
        }
    }

    /** Explicit GCs are what this measures with; a JVM that ignores them cannot be measured. */
    static void requireExplicitGc() {
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.equals("-XX:+DisableExplicitGC")) {
                throw new IllegalStateException("Memory per key needs System.gc(), which this JVM "
                        + "ignores (-XX:+DisableExplicitGC)");
            }
        }
    }

    /** The heap in use once full collections stop freeing memory. */
    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < MAX_GCS; i++) {
            System.gc();
            long now = memory.getHeapMemoryUsage().getUsed();
            if (now >= used - 64 * 1024) {
                return Math.min(now, used);
            }
            used = now;
        }
        return used;
    }
}
