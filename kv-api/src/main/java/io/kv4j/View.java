package io.kv4j;

/**
 * One function's {@link Kv} inside a transaction: the request's own, or a nested call's. It stops
 * working when its call returns.
 */
final class View implements Kv {

    private final Transaction txn;
    private final String function;
    private boolean finished;

    View(Transaction txn, String function) {
        this.txn = txn;
        this.function = Names.requireFunction(function);
    }

    void finish() {
        finished = true;
    }

    private void requireActive() {
        if (finished) {
            throw new IllegalStateException("The Kv of function " + Names.show(function)
                    + " is finished: it was used after its request or call returned");
        }
        txn.requireActive();
        txn.requireCurrent(this);
    }

    @Override
    public String function() {
        return function;
    }

    @Override
    public Object get(String key) {
        return get(key, Object.class);
    }

    @Override
    public <T> T get(String key, Class<T> type) {
        java.util.Objects.requireNonNull(type, "type");
        return read(key, type);
    }

    @Override
    public <T> T get(String key, KvType<T> type) {
        java.util.Objects.requireNonNull(type, "type");
        return read(key, type.type());
    }

    private <T> T read(String key, java.lang.reflect.Type type) {
        requireActive();
        Names.requireKey(key, function);
        byte[] json = txn.read(function, key);
        return json == null ? null : txn.store().json().decode(json, type, key, function);
    }

    @Override
    public boolean has(String key) {
        requireActive();
        Names.requireKey(key, function);
        return txn.read(function, key) != null;
    }

    @Override
    public KvPage list(String prefix, String cursor, int limit) {
        requireActive();
        Names.requirePrefix(prefix, function);
        if (cursor != null) {
            Names.requireCursor(cursor, function);
        }
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("limit must be an integer from 1 to " + MAX_PAGE_SIZE
                    + " but was: " + limit + " (listing of function " + Names.show(function) + ")");
        }
        return txn.list(function, prefix, cursor, limit);
    }

    @Override
    public void set(String key, Object value) {
        requireActive();
        Names.requireKey(key, function);
        txn.write(function, key, txn.store().json().encode(value, key, function));
    }

    @Override
    public void delete(String key) {
        requireActive();
        Names.requireKey(key, function);
        txn.delete(function, key);
    }

    @Override
    public <T> T call(String callee, KvRequest<T> request) {
        requireActive();
        Names.requireFunction(callee);
        java.util.Objects.requireNonNull(request, "request");
        return txn.call(callee, request);
    }

    @Override
    public String toString() {
        return "Kv[" + function + "]";
    }
}
