package io.kv4j;

import io.kv4j.spi.KeyRange;
import io.kv4j.spi.Mutation;
import java.math.BigInteger;
import java.util.List;

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
    public KvEntry getEntry(String key) {
        requireActive();
        Names.requireKey(key, function);
        return txn.getEntry(function, key);
    }

    @Override
    public List<KvEntry> getMany(List<String> keys) {
        requireActive();
        java.util.Objects.requireNonNull(keys, "keys");
        if (keys.isEmpty() || keys.size() > MAX_GET_MANY) {
            throw new IllegalArgumentException("getMany takes 1 to " + MAX_GET_MANY
                    + " keys but was given " + keys.size() + " (function " + Names.show(function)
                    + ")");
        }
        for (String key : keys) {
            Names.requireKey(key, function);
        }
        return txn.getMany(function, keys);
    }

    @Override
    public KvPage list(String prefix, String cursor, int limit) {
        return list(KvRange.prefix(prefix).after(cursor).limit(limit));
    }

    @Override
    public KvPage list(KvRange range) {
        requireActive();
        KeyRange keys = keys(range, function);
        int limit = range.limit();
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("limit must be an integer from 1 to " + MAX_PAGE_SIZE
                    + " but was: " + limit + " (listing of function " + Names.show(function) + ")");
        }
        return txn.list(function, keys, range.isReverse(), range.cursor(), limit);
    }

    /** The keys a range covers, after checking its arguments; the cursor is left to the caller. */
    static KeyRange keys(KvRange range, String function) {
        java.util.Objects.requireNonNull(range, "range");
        Names.requirePrefix(range.prefix(), function);
        if (range.start() != null) {
            Names.requireBound("start", range.start(), function);
        }
        if (range.end() != null) {
            Names.requireBound("end", range.end(), function);
        }
        if (range.cursor() != null) {
            Names.requireCursor(range.cursor(), function);
        }
        return KeyRange.prefix(range.prefix()).and(KeyRange.between(range.start(), range.end()));
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
    public void sum(String key, BigInteger n) {
        mutate(key, n, Mutation::sum);
    }

    @Override
    public void min(String key, BigInteger n) {
        mutate(key, n, Mutation::min);
    }

    @Override
    public void max(String key, BigInteger n) {
        mutate(key, n, Mutation::max);
    }

    private void mutate(String key, BigInteger n,
            java.util.function.Function<BigInteger, Mutation> mutation) {
        requireActive();
        Names.requireKey(key, function);
        java.util.Objects.requireNonNull(n, "n");
        Mutation m;
        try {
            m = mutation.apply(n);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid operand for key " + Names.show(key)
                    + " of function " + Names.show(function) + ": " + e.getMessage(), e);
        }
        txn.mutate(function, key, m);
    }

    @Override
    public void check(String key, String versionstamp) {
        requireActive();
        Names.requireKey(key, function);
        txn.check(function, key, Versionstamps.version(versionstamp, key, function));
    }

    @Override
    public void deleteRange(KvRange range) {
        requireActive();
        KeyRange keys = keys(range, function);
        if (range.hasLimit()) {
            throw new IllegalArgumentException("deleteRange deletes every key of its range and "
                    + "takes no limit, but was given " + range + " (function "
                    + Names.show(function) + ")");
        }
        txn.deleteRange(function, keys.after(range.cursor()));
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
