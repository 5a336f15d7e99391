package io.kv4j;

/**
 * A read-only {@link KvReader}: each call is a read-only request of its own, so it sees one
 * consistent committed state and never another request's uncommitted writes.
 */
final class Reader implements KvReader {

    private final DefaultKvStore store;
    private final String function;

    Reader(DefaultKvStore store, String function) {
        this.store = store;
        this.function = Names.requireFunction(function);
    }

    @Override
    public String function() {
        return function;
    }

    @Override
    public Object get(String key) {
        return store.run(function, kv -> kv.get(key));
    }

    @Override
    public <T> T get(String key, Class<T> type) {
        return store.run(function, kv -> kv.get(key, type));
    }

    @Override
    public <T> T get(String key, KvType<T> type) {
        return store.run(function, kv -> kv.get(key, type));
    }

    @Override
    public boolean has(String key) {
        return store.run(function, kv -> kv.has(key));
    }

    @Override
    public KvEntry getEntry(String key) {
        return store.run(function, kv -> kv.getEntry(key));
    }

    @Override
    public java.util.List<KvEntry> getMany(java.util.List<String> keys) {
        return store.run(function, kv -> kv.getMany(keys));
    }

    @Override
    public KvPage list(String prefix, String cursor, int limit) {
        return store.run(function, kv -> kv.list(prefix, cursor, limit));
    }

    @Override
    public KvPage list(KvRange range) {
        return store.run(function, kv -> kv.list(range));
    }

    @Override
    public String toString() {
        return "KvReader[" + function + "]";
    }
}
