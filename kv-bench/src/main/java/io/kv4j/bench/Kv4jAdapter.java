package io.kv4j.bench;

import io.kv4j.Kv;
import io.kv4j.KvConflictException;
import io.kv4j.KvEntry;
import io.kv4j.KvObserver;
import io.kv4j.KvReader;
import io.kv4j.KvStore;
import java.util.ArrayList;
import java.util.List;

/** kv4j on any backend: each operation is one request of one function. */
final class Kv4jAdapter implements Adapter {

    static final String FUNCTION = "bench";

    /**
     * The stores' own INFO events (a migration of each benchmark database) would interleave with
     * the suite's progress lines, from every benchmark JVM; warnings still show. Held here, as
     * java.util.logging keeps loggers weakly.
     */
    private static final java.util.logging.Logger STORES = java.util.logging.Logger.getLogger("io.kv4j");

    static {
        STORES.setLevel(java.util.logging.Level.WARNING);
    }

    /** The counter of the benchmark thread's running request, for the observer. */
    private static final ThreadLocal<AttemptCounter> COUNTING = new ThreadLocal<>();

    private final KvStore store;
    private final KvReader reader;
    private final boolean countsBySum;

    Kv4jAdapter(String url) {
        this(url, true);
    }

    /**
     * @param countsBySum whether {@link #addOne} uses {@code sum}, which reads nothing, or a get
     *     then a set, which conflict when concurrent
     */
    Kv4jAdapter(String url, boolean countsBySum) {
        this.countsBySum = countsBySum;
        this.store = KvStore.builder(url).observer(new KvObserver() {
            @Override
            public void commitEnded(String function, Outcome outcome,
                    io.kv4j.common.ConflictReason reason, int writes, long nanos) {
                AttemptCounter counter = COUNTING.get();
                if (counter != null && outcome == Outcome.CONFLICT) {
                    counter.conflicted(reason);
                }
            }
        }).open();
        this.reader = store.reader(FUNCTION);
    }

    @Override
    public void load(List<String> keys) {
        store.run(FUNCTION, kv -> {
            for (String key : keys) {
                kv.set(key, Item.initial(key));
            }
            return null;
        });
    }

    @Override
    public Item readModifyWrite(String key) {
        return store.run(FUNCTION, kv -> raiseCount(kv, key));
    }

    @Override
    public Item readModifyWrite(String key, AttemptCounter counter) {
        COUNTING.set(counter);
        try {
            Item next = store.run(FUNCTION, kv -> {
                // counted first, so that an attempt a conflict cuts short counts too
                counter.bodyRan();
                return raiseCount(kv, key);
            });
            counter.committed();
            return next;
        } finally {
            COUNTING.remove();
        }
    }

    private static Item raiseCount(Kv kv, String key) {
        Item next = kv.get(key, Item.class).next();
        kv.set(key, next);
        return next;
    }

    @Override
    public void addOne(String key, AttemptCounter counter) {
        COUNTING.set(counter);
        try {
            store.run(FUNCTION, kv -> {
                counter.bodyRan();
                if (countsBySum) {
                    kv.sum(key, 1);
                } else {
                    Long n = kv.get(key, Long.class);
                    kv.set(key, n == null ? 1 : n + 1);
                }
                return null;
            });
            counter.committed();
        } finally {
            COUNTING.remove();
        }
    }

    @Override
    public List<Item> readMany(List<String> keys) {
        List<Item> items = new ArrayList<>(keys.size());
        for (KvEntry e : reader.getMany(keys)) {
            items.add(e == null ? null : e.value(Item.class));
        }
        return items;
    }

    @Override
    public Item read(String key) {
        return reader.get(key, Item.class);
    }

    @Override
    public void writeAll(List<String> keys, Item value) {
        store.run(FUNCTION, kv -> {
            for (String key : keys) {
                kv.set(key, value);
            }
            return null;
        });
    }

    @Override
    public void close() {
        store.close();
    }
}
