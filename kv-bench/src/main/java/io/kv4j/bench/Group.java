package io.kv4j.bench;

import java.util.Locale;

/** The parts of the suite, selectable with {@code --only}. */
enum Group {

    /** kv4j on {@code kv:memory:} against a map and Jackson. */
    MEMORY("memory: kv4j on kv:memory: vs ConcurrentHashMap<String, byte[]> + Jackson"),
    /** kv4j on PostgreSQL against JDBC, at both durability settings. */
    POSTGRES("PostgreSQL: kv4j on kv:postgresql: vs JDBC + HikariCP, same server, fresh database each"),
    /** kv4j on a SQLite file against JDBC on one with the same settings. */
    SQLITE("SQLite: kv4j on kv:sqlite: vs hand-written JDBC, each on a new file, WAL, synchronous=FULL"),
    /**
     * The PostgreSQL read-modify-write on small tables and on one hot key, where requests collide:
     * kv4j's optimistic retries against the JDBC transaction's row locks.
     */
    CONTENTION("contention: the PostgreSQL read-modify-write on 1,000 keys, 20 keys and one hot key"),
    /** One counter that every thread adds to, by kv4j's sum and by get + set. */
    COUNTERS("counters: one hot counter on PostgreSQL, fsync off, by kv4j's sum and by get + set, "
            + "vs an upsert that adds in the database"),
    /** Reads of many keys in one request. */
    BULK("bulk reads: getMany of 100 keys on PostgreSQL vs 100 SELECTs in one transaction and vs "
            + "one SELECT ... WHERE key = ANY(?)"),
    /** The same requests at 10 thousand and 1 million keys. */
    GROWTH("growth: the same request at 10,000 and 1,000,000 keys, 1 thread"),
    /** Heap bytes per key of the memory backend. */
    FOOTPRINT("memory per key: heap used after full GC, divided by the keys loaded (lower is better)");

    private final String title;

    Group(String title) {
        this.title = title;
    }

    String title() {
        return title;
    }

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Group byId(String id) {
        for (Group g : values()) {
            if (g.id().equals(id)) {
                return g;
            }
        }
        throw new IllegalArgumentException("Unknown group '" + id + "' in --only: expected "
                + String.join(", ", ids()));
    }

    static String[] ids() {
        Group[] all = values();
        String[] ids = new String[all.length];
        for (int i = 0; i < all.length; i++) {
            ids[i] = all[i].id();
        }
        return ids;
    }
}
