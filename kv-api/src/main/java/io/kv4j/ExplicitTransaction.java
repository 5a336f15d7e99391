package io.kv4j;

/** A {@link KvTransaction}: the request's {@link View} plus commit and rollback. */
final class ExplicitTransaction implements KvTransaction {

    private final Transaction txn;
    private final View kv;

    ExplicitTransaction(Transaction txn, View kv) {
        this.txn = txn;
        this.kv = kv;
    }

    @Override
    public String function() {
        return kv.function();
    }

    @Override
    public Object get(String key) {
        return kv.get(key);
    }

    @Override
    public <T> T get(String key, Class<T> type) {
        return kv.get(key, type);
    }

    @Override
    public <T> T get(String key, KvType<T> type) {
        return kv.get(key, type);
    }

    @Override
    public boolean has(String key) {
        return kv.has(key);
    }

    @Override
    public KvEntry getEntry(String key) {
        return kv.getEntry(key);
    }

    @Override
    public java.util.List<KvEntry> getMany(java.util.List<String> keys) {
        return kv.getMany(keys);
    }

    @Override
    public KvPage list(String prefix, String cursor, int limit) {
        return kv.list(prefix, cursor, limit);
    }

    @Override
    public KvPage list(KvRange range) {
        return kv.list(range);
    }

    @Override
    public void set(String key, Object value) {
        kv.set(key, value);
    }

    @Override
    public void delete(String key) {
        kv.delete(key);
    }

    @Override
    public void sum(String key, java.math.BigInteger n) {
        kv.sum(key, n);
    }

    @Override
    public void min(String key, java.math.BigInteger n) {
        kv.min(key, n);
    }

    @Override
    public void max(String key, java.math.BigInteger n) {
        kv.max(key, n);
    }

    @Override
    public void check(String key, String versionstamp) {
        kv.check(key, versionstamp);
    }

    @Override
    public void deleteRange(KvRange range) {
        kv.deleteRange(range);
    }

    @Override
    public <T> T call(String function, KvRequest<T> request) {
        return kv.call(function, request);
    }

    @Override
    public String commit() {
        try {
            return Versionstamps.of(txn.commit());
        } finally {
            kv.finish();
        }
    }

    @Override
    public void rollback() {
        try {
            txn.rollback();
        } finally {
            kv.finish();
        }
    }

    @Override
    public void close() {
        txn.abandon();
        kv.finish();
    }

    @Override
    public String toString() {
        return "KvTransaction[" + function() + (txn.isActive() ? ", active]" : ", finished]");
    }
}
