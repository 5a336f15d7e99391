package io.kv4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * kv4j on {@code kv:sqlite:} against hand-written JDBC ({@link SqliteJdbcAdapter}), each on a new
 * file in the temporary directory with the same settings (WAL, {@code synchronous=FULL}), holding
 * {@link #keys} items; every operation picks a key at random. Threads share one store.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SqliteBenchmark {

    /** The implementation: {@code kv4j} or the {@code jdbc} baseline. */
    @Param({Adapters.KV4J, Adapters.JDBC})
    public String impl;

    /** How many keys the store holds. */
    @Param({"10000"})
    public int keys;

    private Path dir;
    private Adapter adapter;
    private String[] names;

    /** Creates a benchmark; JMH sets its parameters. */
    public SqliteBenchmark() {
    }

    /**
     * Creates the file and loads {@link #keys} items.
     *
     * @throws Exception when the file cannot be created or loaded
     */
    @Setup(Level.Trial)
    public void open() throws Exception {
        dir = Files.createTempDirectory("kv-bench-sqlite");
        adapter = Adapters.sqlite(impl, dir.resolve("bench.db"));
        names = Keys.first(keys);
        for (List<String> block : Keys.blocks(names, Keys.BLOCK)) {
            adapter.load(block);
        }
    }

    /**
     * Closes the store and deletes its file.
     *
     * @throws IOException when the file cannot be deleted
     */
    @TearDown(Level.Trial)
    public void close() throws IOException {
        adapter.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
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
