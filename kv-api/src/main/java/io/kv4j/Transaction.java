package io.kv4j;

import io.kv4j.spi.Commit;
import io.kv4j.spi.Entry;
import io.kv4j.spi.KeyRange;
import io.kv4j.spi.KeyOrder;
import io.kv4j.spi.KvBackend;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The request engine: one transaction's buffered writes, the reads it must validate, and nested
 * calls. Optimistic: reads go to committed storage and are recorded with their versions; at
 * commit the backend checks them all and applies the writes in one atomic step. Used by one thread.
 */
final class Transaction {

    /** Marks a buffered delete. Compared by identity. */
    private static final byte[] DELETED = new byte[0];

    private enum State { ACTIVE, COMMITTED, ROLLED_BACK }

    private final DefaultKvStore store;
    /** Buffered writes per namespace, in key order for listings. */
    private final Map<String, NavigableMap<String, byte[]>> writes = new HashMap<>(4);
    /** Committed entries read, null for a key found missing; the first read of a key is kept. */
    private final Map<NsKey, Entry> reads = new HashMap<>(8);
    private final List<Commit.RangeRead> ranges = new ArrayList<>(0);
    /** Buffer states to restore when a nested call fails; kept only inside nested calls. */
    private final List<Undo> undo = new ArrayList<>(0);
    /** The functions in flight, the request's own first. */
    private final Deque<String> calls = new ArrayDeque<>(4);
    private State state = State.ACTIVE;
    /** Set when a read reported a conflict: this attempt must not commit, even if the body goes on. */
    private KvConflictException doomed;
    /** The last outage of the storage that a call of this transaction met, which wrote nothing. */
    private KvUnavailableException unavailable;
    /** The Kv that may be used now: the innermost call's. */
    private View current;

    Transaction(DefaultKvStore store, String function) {
        this.store = store;
        calls.push(function);
        this.current = new View(this, function);
    }

    DefaultKvStore store() {
        return store;
    }

    String function() {
        return calls.peekLast();
    }

    /** The request's own Kv: the view of the function the transaction began with. */
    View root() {
        return current;
    }

    void requireCurrent(View view) {
        if (view != current && state == State.ACTIVE) {
            throw new IllegalStateException("The Kv of function " + Names.show(view.function())
                    + " was used while its call of " + Names.show(current.function())
                    + " was running; use the Kv handed to that call");
        }
    }

    void requireActive() {
        store.storage().requireOpen();
        if (state != State.ACTIVE) {
            throw new IllegalStateException("The transaction of function " + Names.show(function())
                    + " is finished (" + (state == State.COMMITTED ? "committed" : "rolled back")
                    + ")");
        }
    }

    /** The value of a key as this transaction sees it: its own write, else committed storage. */
    byte[] read(String namespace, String key) {
        requireActive();
        NavigableMap<String, byte[]> buffered = writes.get(namespace);
        if (buffered != null) {
            byte[] value = buffered.get(key);
            if (value != null) {
                return value == DELETED ? null : value;
            }
        }
        NsKey id = new NsKey(namespace, key);
        Entry entry = reads.get(id);
        if (entry == null && !reads.containsKey(id)) {
            try {
                entry = store.storage().read(namespace, key);
            } catch (KvConflictException e) {
                doomed = e;
                throw e;
            } catch (KvUnavailableException e) {
                unavailable = e;
                throw e;
            }
            reads.put(id, entry);
        }
        return entry == null ? null : entry.value();
    }

    void write(String namespace, String key, byte[] value) {
        requireActive();
        NavigableMap<String, byte[]> buffered =
                writes.computeIfAbsent(namespace, ns -> new TreeMap<>(KeyOrder.COMPARATOR));
        byte[] previous = buffered.put(key, value);
        if (calls.size() > 1) {
            undo.add(new Undo(namespace, key, previous));
        }
    }

    void delete(String namespace, String key) {
        write(namespace, key, DELETED);
    }

    /** A page of a listing: committed entries merged with this transaction's own writes. */
    KvPage list(String namespace, String prefix, String cursor, int limit) {
        requireActive();
        NavigableMap<String, byte[]> buffered = writes.getOrDefault(namespace, emptyBuffer());
        List<KvEntry> out = new ArrayList<>(Math.min(limit + 1, 64));
        ArrayDeque<Entry> pending = new ArrayDeque<>();
        String scanAfter = cursor;
        boolean scanDone = false;
        String after = cursor;
        // one entry past the limit tells whether more follow
        while (out.size() <= limit) {
            if (pending.isEmpty() && !scanDone) {
                int want = limit + 1 - out.size();
                List<Entry> page;
                try {
                    page = store.storage().scan(namespace, prefix, scanAfter, want);
                } catch (KvConflictException e) {
                    doomed = e;
                    throw e;
                } catch (KvUnavailableException e) {
                    unavailable = e;
                    throw e;
                }
                scanDone = page.size() < want;
                String end = scanDone ? null : page.get(page.size() - 1).key();
                List<Commit.Seen> seen = new ArrayList<>(page.size());
                for (Entry e : page) {
                    seen.add(Commit.Seen.of(e.key(), e.version()));
                }
                ranges.add(Commit.RangeRead.of(namespace,
                        KeyRange.prefix(prefix).after(scanAfter).to(end), seen));
                pending.addAll(page);
                scanAfter = end;
                continue;
            }
            String own = nextBuffered(buffered, prefix, after);
            Entry stored = pending.peekFirst();
            if (stored == null && own == null) {
                break;
            }
            int order = stored == null ? -1 : own == null ? 1 : KeyOrder.compare(own, stored.key());
            String key;
            byte[] value;
            if (order <= 0) {
                key = own;
                value = buffered.get(own);
                if (order == 0) {
                    pending.removeFirst();
                }
            } else {
                key = stored.key();
                value = pending.removeFirst().value();
            }
            after = key;
            if (value != DELETED) {
                out.add(new KvEntry(key, value, namespace, store.json()));
            }
        }
        String next = null;
        if (out.size() > limit) {
            out = out.subList(0, limit);
            next = out.get(limit - 1).key();
        }
        return new KvPage(out, next);
    }

    private static NavigableMap<String, byte[]> emptyBuffer() {
        return java.util.Collections.emptyNavigableMap();
    }

    private static String nextBuffered(NavigableMap<String, byte[]> buffered, String prefix,
            String after) {
        if (buffered.isEmpty()) {
            return null;
        }
        String key = after == null || KeyOrder.compare(after, prefix) < 0
                ? buffered.ceilingKey(prefix) : buffered.higherKey(after);
        return key != null && key.startsWith(prefix) ? key : null;
    }

    /** Runs a nested call: the callee's writes are discarded if its body throws. */
    <T> T call(String function, KvRequest<T> request) {
        requireActive();
        int limit = store.config().maxCallDepth();
        if (calls.size() >= limit) {
            List<String> chain = new ArrayList<>(calls);
            java.util.Collections.reverse(chain);
            chain.add(function);
            throw new IllegalStateException("Call depth limit of " + limit + " reached (option "
                    + KvOption.MAX_CALL_DEPTH.name() + "): " + String.join(" -> ", chain));
        }
        int mark = undo.size();
        View caller = current;
        View callee = new View(this, function);
        calls.push(function);
        current = callee;
        try {
            return request.apply(callee);
        } catch (RuntimeException | Error e) {
            restore(mark);
            throw e;
        } catch (Exception e) {
            restore(mark);
            throw new KvException("Call of function " + Names.show(function) + " failed: " + e, e);
        } finally {
            callee.finish();
            current = caller;
            calls.pop();
            if (calls.size() == 1) {
                undo.clear();
            }
        }
    }

    private void restore(int mark) {
        if (state != State.ACTIVE) {
            return;
        }
        for (int i = undo.size() - 1; i >= mark; i--) {
            Undo u = undo.remove(i);
            NavigableMap<String, byte[]> buffered = writes.get(u.namespace());
            if (u.previous() == null) {
                buffered.remove(u.key());
            } else {
                buffered.put(u.key(), u.previous());
            }
        }
    }

    /** Validates the reads and applies the writes; on any failure nothing is written. */
    void commit() {
        requireActive();
        List<Commit.Write> batch = new ArrayList<>();
        for (Map.Entry<String, NavigableMap<String, byte[]>> ns : writes.entrySet()) {
            for (Map.Entry<String, byte[]> w : ns.getValue().entrySet()) {
                batch.add(w.getValue() == DELETED ? Commit.Write.delete(ns.getKey(), w.getKey())
                        : Commit.Write.put(ns.getKey(), w.getKey(), w.getValue()));
            }
        }
        state = State.ROLLED_BACK; // unless the backend accepts it below
        if (doomed != null) {
            throw new KvConflictException("The transaction of function " + Names.show(function())
                    + " cannot commit: one of its reads conflicted", doomed);
        }
        // whether one read needs checking is the backend's call: a cached read might be stale
        if (batch.isEmpty() && ranges.isEmpty() && reads.isEmpty()) {
            state = State.COMMITTED;
            return;
        }
        try {
            store.storage().commit(Commit.of(pointReads(), ranges, batch), function());
        } catch (KvUnavailableException e) {
            unavailable = e;
            throw e;
        }
        state = State.COMMITTED;
    }

    /**
     * Whether {@code e} is an outage that a call of this transaction met, and so one after which
     * nothing of it was written, rather than one the body brought from elsewhere.
     */
    boolean reported(KvUnavailableException e) {
        return e == unavailable;
    }

    /**
     * The first of this transaction's reads for which {@code place} gives a result: each key read
     * with its namespace, then each namespace listed with a null key.
     */
    <R> R firstRead(java.util.function.BiFunction<String, String, R> place) {
        for (NsKey id : reads.keySet()) {
            R r = place.apply(id.namespace(), id.key());
            if (r != null) {
                return r;
            }
        }
        for (Commit.RangeRead range : ranges) {
            R r = place.apply(range.namespace(), null);
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    /** Whether the transaction has writes to commit. */
    boolean writes() {
        for (NavigableMap<String, byte[]> buffered : writes.values()) {
            if (!buffered.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    void rollback() {
        requireActive();
        state = State.ROLLED_BACK;
    }

    boolean isActive() {
        return state == State.ACTIVE;
    }

    /** Marks the transaction finished without checks, for cleanup paths. */
    void abandon() {
        state = state == State.COMMITTED ? State.COMMITTED : State.ROLLED_BACK;
    }

    /**
     * What this transaction read that a concurrent commit has changed since, or null when all it
     * read is still current. A body that threw after reading changed data may have acted on an
     * inconsistent view; such a failure is a conflict, and the request is run again.
     */
    KvConflictException staleRead() {
        if (reads.isEmpty() && ranges.isEmpty()) {
            return null;
        }
        try {
            return store.storage().stale(Commit.of(pointReads(), ranges, List.of()));
        } catch (RuntimeException e) {
            return null; // the body's own exception is the one to report
        }
    }

    private List<Commit.PointRead> pointReads() {
        List<Commit.PointRead> out = new ArrayList<>(reads.size());
        for (Map.Entry<NsKey, Entry> r : reads.entrySet()) {
            long version = r.getValue() == null ? KvBackend.MISSING : r.getValue().version();
            out.add(Commit.PointRead.of(r.getKey().namespace(), r.getKey().key(), version));
        }
        return out;
    }

    private record NsKey(String namespace, String key) {
    }

    private record Undo(String namespace, String key, byte[] previous) {
    }
}
