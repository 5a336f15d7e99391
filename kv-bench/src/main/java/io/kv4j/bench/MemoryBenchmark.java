package io.kv4j.bench;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * kv4j on {@code kv:memory:} against a {@code ConcurrentHashMap<String, byte[]>} with Jackson,
 * each holding {@link #keys} items; every operation picks a key at random. Threads share one store.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MemoryBenchmark {

    /** The implementation: {@code kv4j} or the {@code map} baseline. */
    @Param({Adapters.KV4J, Adapters.MAP})
    public String impl;

    /** How many keys the store holds. */
    @Param({"10000"})
    public int keys;

    private Adapter adapter;
    private String[] names;

    /** Creates a benchmark; JMH sets its parameters. */
    public MemoryBenchmark() {
    }

    /**
     * Opens the store and loads {@link #keys} items.
     *
     * @throws Exception when the store cannot be opened or loaded
     */
    @Setup(Level.Trial)
    public void open() throws Exception {
        adapter = Adapters.memory(impl);
        names = Keys.first(keys);
        for (List<String> block : Keys.blocks(names, Keys.BLOCK)) {
            adapter.load(block);
        }
    }

    /**
     * Closes the store.
     *
     * @throws Exception when closing fails
     */
    @TearDown(Level.Trial)
    public void close() throws Exception {
        adapter.close();
    }

    /**
     * One request that gets an item and sets it with its count raised.
     *
     * @return the item written
     * @throws Exception when the store fails
     */
    @Benchmark
    public Item readModifyWrite() throws Exception {
        return adapter.readModifyWrite(randomKey());
    }

    /**
     * One read-only request that gets an item.
     *
     * @return the item read
     * @throws Exception when the store fails
     */
    @Benchmark
    public Item read() throws Exception {
        return adapter.read(randomKey());
    }

    private String randomKey() {
        return names[ThreadLocalRandom.current().nextInt(names.length)];
    }
}
