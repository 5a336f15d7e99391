package io.kv4j.bench;

import java.util.ArrayList;
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
 * kv4j on PostgreSQL against hand-written JDBC on the same server, each in a fresh database
 * holding {@link #keys} items. Threads share one store (one connection pool).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PostgresBenchmark {

    /** How many keys {@link #hotRead} reads: few enough to stay in any cache. */
    static final int HOT_KEYS = 100;

    /** How many keys {@link #readMany} reads in one request. */
    static final int MANY = 100;
    /** The key {@link #hotCounter} counts on: not among the items, so it starts missing. */
    static final String COUNTER = "counter";

    /**
     * The implementation: {@code kv4j} ({@code kv4j-get-set} counts by get and set), or the
     * {@code jdbc} or {@code jdbc-autocommit} baseline.
     */
    @Param({Adapters.KV4J, Adapters.KV4J_GET_SET, Adapters.JDBC, Adapters.JDBC_AUTOCOMMIT})
    public String impl;

    /** The server: {@code fsync-on} (durable commits) or {@code fsync-off}. */
    @Param({Servers.FSYNC_ON, Servers.FSYNC_OFF})
    public String setting;

    /** How many keys the store holds. */
    @Param({"10000"})
    public int keys;

    private TrialDatabase database;
    private Adapter adapter;
    private String[] names;
    private List<List<String>> blocks;

    /** Creates a benchmark; JMH sets its parameters. */
    public PostgresBenchmark() {
    }

    /**
     * Creates a database, opens the store on it, loads {@link #keys} items and vacuums.
     *
     * @throws Exception when the server cannot be reached or the load fails
     */
    @Setup(Level.Trial)
    public void open() throws Exception {
        database = TrialDatabase.create(setting);
        adapter = Adapters.postgres(impl, database);
        names = Keys.first(keys);
        blocks = Keys.blocks(names, Keys.BLOCK);
        for (List<String> block : blocks) {
            adapter.load(block);
        }
        database.vacuumAnalyze();
    }

    /**
     * Closes the store and drops its database.
     *
     * @throws Exception when closing or dropping fails
     */
    @TearDown(Level.Trial)
    public void close() throws Exception {
        try {
            adapter.close();
        } finally {
            database.close();
        }
    }

    /**
     * One request that gets an item and sets it with its count raised, at a random key.
     *
     * @param attempts where kv4j counts the runs of its request bodies and its committed requests
     * @return the item written, or null from a baseline that computes it in the database
     * @throws Exception when the store fails
     */
    @Benchmark
    public Item readModifyWrite(AttemptCounter attempts) throws Exception {
        return adapter.readModifyWrite(names[ThreadLocalRandom.current().nextInt(names.length)], attempts);
    }

    /**
     * One read-only request that gets an item, among the first {@value #HOT_KEYS} keys.
     *
     * @return the item read
     * @throws Exception when the store fails
     */
    @Benchmark
    public Item hotRead() throws Exception {
        return adapter.read(names[ThreadLocalRandom.current().nextInt(Math.min(HOT_KEYS, names.length))]);
    }

    /**
     * One request that adds one to a counter: every thread on the same key.
     *
     * @param attempts where kv4j counts the runs of its request bodies and its committed requests
     * @throws Exception when the store fails
     */
    @Benchmark
    public void hotCounter(AttemptCounter attempts) throws Exception {
        adapter.addOne(COUNTER, attempts);
    }

    /**
     * One request that sets an item at a random key and reads nothing.
     *
     * @throws Exception when the store fails
     */
    @Benchmark
    public void blindSet() throws Exception {
        String key = names[ThreadLocalRandom.current().nextInt(names.length)];
        adapter.writeAll(List.of(key), Item.initial(key));
    }

    /**
     * One read-only request that reads {@value #MANY} items at random keys.
     *
     * @return the items read
     * @throws Exception when the store fails
     */
    @Benchmark
    public List<Item> readMany() throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<String> keys = new ArrayList<>(MANY);
        while (keys.size() < MANY) {
            String key = names[random.nextInt(names.length)];
            if (!keys.contains(key)) {
                keys.add(key);
            }
        }
        return adapter.readMany(keys);
    }

    /**
     * One request that writes {@value Keys#BLOCK} keys, the next block of keys each time.
     *
     * @param cursor which block the calling thread writes next
     * @throws Exception when the store fails
     */
    @Benchmark
    public void write1000(Cursor cursor) throws Exception {
        adapter.writeAll(blocks.get(cursor.next(blocks.size())), Item.initial("written"));
    }

    /** The block of keys a thread writes next. */
    @State(Scope.Thread)
    public static class Cursor {

        private int block = -1;

        /** Creates a cursor at the first block. */
        public Cursor() {
        }

        int next(int blocks) {
            block = (block + 1) % blocks;
            return block;
        }
    }
}
