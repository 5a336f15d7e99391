package io.kv4j;

import io.kv4j.spi.BackendException;
import io.kv4j.spi.Commit;
import io.kv4j.spi.Entry;
import io.kv4j.spi.KeyRange;
import io.kv4j.spi.KeyOrder;
import io.kv4j.spi.KvBackend;
import io.kv4j.spi.Mutation;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * The request engine: one transaction's buffered writes, the reads it must validate, and nested
 * calls. Optimistic: reads go to committed storage and are recorded with their versions; at
 * commit the backend checks them all and applies the writes in one atomic step. Used by one thread.
 */
final class Transaction {

    /** Marks a buffered delete. Compared by identity. */
    private static final byte[] DELETED = new byte[0];
    /** The version of what the transaction wrote itself: it has none yet. */
    private static final long OWN = -1;

    private enum State { ACTIVE, COMMITTED, ROLLED_BACK }

    private final DefaultKvStore store;
    /**
     * Buffered writes per namespace, in key order for listings: a value, {@link #DELETED}, or a
     * {@link Mutation} not applied yet because the transaction has not read the key.
     */
    private final Map<String, NavigableMap<String, Object>> writes = new HashMap<>(4);
    /** Committed entries read, null for a key found missing; the first read of a key is kept. */
    private final Map<NsKey, Entry> reads = new HashMap<>(8);
    private final List<Commit.RangeRead> ranges = new ArrayList<>(0);
    /** The versions the commit requires, {@link KvBackend#MISSING} for none. */
    private final Map<NsKey, Long> checks = new LinkedHashMap<>(0);
    /** The ranges deleted, per namespace; applied at commit before the writes. */
    private final Map<String, List<KeyRange>> rangeDeletes = new HashMap<>(0);
    /** What to do to restore the buffers when a nested call fails; kept only inside nested calls. */
    private final List<Runnable> undo = new ArrayList<>(0);
    /** The functions in flight, the request's own first. */
    private final Deque<String> calls = new ArrayDeque<>(4);
    private State state = State.ACTIVE;
    /** Set when a read reported a conflict: this attempt must not commit, even if the body goes on. */
    private KvConflictException doomed;
    /** The last outage of the storage that a call of this transaction met, which wrote nothing. */
    private KvUnavailableException unavailable;
    /** How many calls read the storage: reads that all came from one call need no cross-check. */
    private int storageReads;
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
        return entry(namespace, key).value();
    }

    /** The entry of a key as this transaction sees it, or null when it is missing. */
    KvEntry getEntry(String namespace, String key) {
        Seen seen = entry(namespace, key);
        return seen.value() == null ? null : new KvEntry(key, seen.value(), namespace, store.json(),
                seen.version() == OWN ? null : Versionstamps.of(seen.version()));
    }

    /** The entries of several keys, reading those not known yet from storage together. */
    List<KvEntry> getMany(String namespace, List<String> keys) {
        requireActive();
        Set<String> fetch = new LinkedHashSet<>();
        for (String key : keys) {
            Object own = buffered(namespace, key);
            if ((own == null || own instanceof Mutation) && !rangeDeleted(namespace, key)
                    && !reads.containsKey(new NsKey(namespace, key))) {
                fetch.add(key);
            }
        }
        if (!fetch.isEmpty()) {
            List<String> wanted = List.copyOf(fetch);
            List<Entry> found = reporting(() -> store.storage().readMany(namespace, wanted));
            for (int i = 0; i < wanted.size(); i++) {
                reads.put(new NsKey(namespace, wanted.get(i)), found.get(i));
            }
        }
        List<KvEntry> out = new ArrayList<>(keys.size());
        for (String key : keys) {
            out.add(getEntry(namespace, key));
        }
        return out;
    }

    /**
     * What the transaction sees at a key: its own write, else the committed entry (recorded for
     * validation). A pending mutation is applied to the committed value here, and from then on
     * the key is an ordinary read-modify-write.
     */
    private Seen entry(String namespace, String key) {
        requireActive();
        Object own = buffered(namespace, key);
        if (own instanceof byte[] value) {
            return new Seen(value == DELETED ? null : value, OWN);
        }
        Entry base = rangeDeleted(namespace, key) ? null : committed(namespace, key);
        if (own instanceof Mutation m) {
            byte[] value = applied(namespace, key, m, base);
            put(namespace, key, value);
            return new Seen(value, OWN);
        }
        return base == null ? new Seen(null, KvBackend.MISSING)
                : new Seen(base.value(), base.version());
    }

    /** The committed entry of a key, read once per transaction and recorded. */
    private Entry committed(String namespace, String key) {
        NsKey id = new NsKey(namespace, key);
        Entry entry = reads.get(id);
        if (entry == null && !reads.containsKey(id)) {
            entry = reporting(() -> store.storage().read(namespace, key));
            reads.put(id, entry);
        }
        return entry;
    }

    /** Reads the storage, remembering a conflict or an outage it reports. */
    private <T> T reporting(java.util.function.Supplier<T> call) {
        storageReads++;
        try {
            return call.get();
        } catch (KvConflictException e) {
            doomed = e;
            throw e;
        } catch (KvUnavailableException e) {
            unavailable = e;
            throw e;
        }
    }

    /** A mutation applied to an entry (null: missing), as the JSON of the result. */
    private static byte[] applied(String namespace, String key, Mutation m, Entry base) {
        return applied(namespace, key, m, base == null ? null : base.value());
    }

    private static byte[] applied(String namespace, String key, Mutation m, byte[] value) {
        BigInteger current = null;
        if (value != null) {
            current = Mutation.wholeNumber(value);
            if (current == null) {
                throw notAnInteger(namespace, key, value);
            }
        }
        return Mutation.json(m.apply(current));
    }

    /** The failure a backend reports for the same mutation, so both read alike. */
    private static RuntimeException notAnInteger(String namespace, String key, byte[] value) {
        return Storage.failure(BackendException.notAnInteger(namespace, key,
                new String(value, StandardCharsets.UTF_8)), "Reading the value to mutate");
    }

    private Object buffered(String namespace, String key) {
        NavigableMap<String, Object> buffered = writes.get(namespace);
        return buffered == null ? null : buffered.get(key);
    }

    /** Whether a range deletion of this transaction covers the key. */
    private boolean rangeDeleted(String namespace, String key) {
        for (KeyRange r : rangeDeletes.getOrDefault(namespace, List.of())) {
            if (r.covers(key)) {
                return true;
            }
        }
        return false;
    }

    void write(String namespace, String key, byte[] value) {
        requireActive();
        put(namespace, key, value);
    }

    void delete(String namespace, String key) {
        write(namespace, key, DELETED);
    }

    /**
     * Buffers a mutation: composed with one pending, applied at once to a value the transaction
     * knows (its own write, a read, a deleted range), else sent to be applied at commit.
     */
    void mutate(String namespace, String key, Mutation m) {
        requireActive();
        Object own = buffered(namespace, key);
        NsKey id = new NsKey(namespace, key);
        if (own instanceof byte[] value) {
            put(namespace, key, applied(namespace, key, m, value == DELETED ? null : value));
        } else if (own instanceof Mutation pending) {
            put(namespace, key, pending.then(m));
        } else if (rangeDeleted(namespace, key)) {
            put(namespace, key, applied(namespace, key, m, (byte[]) null));
        } else if (reads.containsKey(id)) {
            put(namespace, key, applied(namespace, key, m, reads.get(id)));
        } else {
            put(namespace, key, m);
        }
    }

    /** Requires a key to have a version at commit; MISSING: no entry. */
    void check(String namespace, String key, long version) {
        requireActive();
        NsKey id = new NsKey(namespace, key);
        Long before = checks.get(id);
        if (before != null && before != version) {
            throw new IllegalStateException("Key " + Names.show(key) + " of function "
                    + Names.show(namespace) + " is already checked for versionstamp "
                    + Versionstamps.of(before) + " in this request; a check for "
                    + Versionstamps.of(version) + " could never pass with it");
        }
        if (before == null) {
            checks.put(id, version);
            if (calls.size() > 1) {
                undo.add(() -> checks.remove(id));
            }
        }
    }

    /** Deletes a range at commit; the transaction's own writes in it so far go too. */
    void deleteRange(String namespace, KeyRange range) {
        requireActive();
        NavigableMap<String, Object> buffered = writes.get(namespace);
        if (buffered != null && !range.isEmpty()) {
            for (String key : List.copyOf(within(buffered, range).keySet())) {
                put(namespace, key, null);
            }
        }
        List<KeyRange> deleted = rangeDeletes.computeIfAbsent(namespace, ns -> new ArrayList<>(1));
        deleted.add(range);
        if (calls.size() > 1) {
            undo.add(() -> deleted.remove(deleted.size() - 1));
        }
    }

    /** Buffers an operation on a key (null: none), keeping what to restore in a nested call. */
    private void put(String namespace, String key, Object op) {
        NavigableMap<String, Object> buffered =
                writes.computeIfAbsent(namespace, ns -> new TreeMap<>(KeyOrder.COMPARATOR));
        Object previous = op == null ? buffered.remove(key) : buffered.put(key, op);
        if (calls.size() > 1) {
            undo.add(() -> {
                if (previous == null) {
                    buffered.remove(key);
                } else {
                    buffered.put(key, previous);
                }
            });
        }
    }

    private static NavigableMap<String, Object> within(NavigableMap<String, Object> buffered,
            KeyRange range) {
        // the empty map compares with String.compareTo, not in key order: never narrow it
        if (range.isEmpty() || buffered.isEmpty()) {
            return java.util.Collections.emptyNavigableMap();
        }
        return range.end() == null ? buffered.tailMap(range.start(), true)
                : buffered.subMap(range.start(), true, range.end(), false);
    }

    /**
     * A page of a listing: committed entries merged with this transaction's own writes, in key
     * order or its reverse, strictly after the cursor in that direction. Each page scanned is
     * recorded as the range it covered: forward from where it started to its last key, in reverse
     * from its last key to where it started.
     */
    KvPage list(String namespace, KeyRange range, boolean reverse, String cursor, int limit) {
        requireActive();
        KeyRange remaining = reverse ? range.before(cursor) : range.after(cursor);
        NavigableMap<String, Object> buffered = writes.getOrDefault(namespace,
                java.util.Collections.emptyNavigableMap());
        NavigableMap<String, Object> mine = within(buffered, remaining);
        List<String> own = new ArrayList<>((reverse ? mine.descendingMap() : mine).keySet());
        int nextOwn = 0;
        List<KvEntry> out = new ArrayList<>(Math.min(limit + 1, 64));
        ArrayDeque<Entry> pending = new ArrayDeque<>();
        boolean scanDone = remaining.isEmpty();
        // one entry past the limit tells whether more follow
        while (out.size() <= limit) {
            if (pending.isEmpty() && !scanDone) {
                int want = limit + 1 - out.size();
                KeyRange scanned = remaining;
                List<Entry> page = reporting(() -> store.storage().scan(namespace, scanned,
                        reverse, want));
                scanDone = page.size() < want;
                KeyRange covered = remaining;
                if (!scanDone) {
                    String last = page.get(page.size() - 1).key();
                    covered = reverse ? remaining.from(last) : remaining.to(last);
                    remaining = reverse ? remaining.before(last) : remaining.after(last);
                }
                List<Commit.Seen> seen = new ArrayList<>(page.size());
                for (Entry e : page) {
                    seen.add(Commit.Seen.of(e.key(), e.version()));
                }
                if (reverse) {
                    java.util.Collections.reverse(seen);
                }
                ranges.add(Commit.RangeRead.of(namespace, covered, seen));
                pending.addAll(page);
                continue;
            }
            String ownKey = nextOwn < own.size() ? own.get(nextOwn) : null;
            Entry stored = pending.peekFirst();
            if (stored == null && ownKey == null) {
                break;
            }
            int order = stored == null ? -1 : ownKey == null ? 1
                    : KeyOrder.compare(ownKey, stored.key()) * (reverse ? -1 : 1);
            KvEntry entry;
            if (order <= 0) {
                nextOwn++;
                Entry base = order == 0 ? pending.removeFirst() : null;
                Object op = buffered.get(ownKey);
                if (op instanceof Mutation m) {
                    // the scan read the key (or found it missing): the request now depends on it
                    op = applied(namespace, ownKey, m,
                            rangeDeleted(namespace, ownKey) ? null : base);
                    put(namespace, ownKey, op);
                }
                byte[] value = (byte[]) op;
                entry = value == DELETED ? null
                        : new KvEntry(ownKey, value, namespace, store.json(), null);
            } else {
                Entry e = pending.removeFirst();
                entry = rangeDeleted(namespace, e.key()) ? null : new KvEntry(e.key(), e.value(),
                        namespace, store.json(), Versionstamps.of(e.version()));
            }
            if (entry != null) {
                out.add(entry);
            }
        }
        String next = null;
        if (out.size() > limit) {
            out = out.subList(0, limit);
            next = out.get(limit - 1).key();
        }
        return new KvPage(out, next);
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
            undo.remove(i).run();
        }
    }

    /**
     * Validates the reads and checks and applies the range deletions and writes; on any failure
     * nothing is written.
     *
     * @return the version of the commit, or {@link KvBackend#MISSING} when it wrote nothing
     */
    long commit() {
        requireActive();
        List<Commit.Write> batch = new ArrayList<>();
        for (Map.Entry<String, NavigableMap<String, Object>> ns : writes.entrySet()) {
            for (Map.Entry<String, Object> w : ns.getValue().entrySet()) {
                String namespace = ns.getKey();
                Object op = w.getValue();
                batch.add(op == DELETED ? Commit.Write.delete(namespace, w.getKey())
                        : op instanceof Mutation m ? Commit.Write.mutate(namespace, w.getKey(), m)
                        : Commit.Write.put(namespace, w.getKey(), (byte[]) op));
            }
        }
        List<Commit.RangeDelete> cleared = new ArrayList<>(0);
        rangeDeletes.forEach((namespace, deleted) -> deleted.forEach(
                r -> cleared.add(Commit.RangeDelete.of(namespace, r))));
        List<Commit.Check> required = new ArrayList<>(checks.size());
        checks.forEach((id, version) -> required.add(
                Commit.Check.of(id.namespace(), id.key(), version)));
        state = State.ROLLED_BACK; // unless the backend accepts it below
        if (doomed != null) {
            throw new KvConflictException("The transaction of function " + Names.show(function())
                    + " cannot commit: one of its reads conflicted", doomed);
        }
        // whether one read needs checking is the backend's call: a cached read might be stale
        if (batch.isEmpty() && ranges.isEmpty() && reads.isEmpty() && required.isEmpty()
                && cleared.isEmpty()) {
            state = State.COMMITTED;
            return KvBackend.MISSING;
        }
        long version;
        try {
            Commit commit = Commit.of(pointReads(), ranges, required, cleared, batch);
            version = store.storage().commit(storageReads == 1
                    ? commit.withReadsFromOneCall() : commit, function());
        } catch (KvUnavailableException e) {
            unavailable = e;
            throw e;
        }
        state = State.COMMITTED;
        return version;
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
        for (NavigableMap<String, Object> buffered : writes.values()) {
            if (!buffered.isEmpty()) {
                return true;
            }
        }
        for (List<KeyRange> deleted : rangeDeletes.values()) {
            if (!deleted.isEmpty()) {
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

    /** A value as the transaction sees it, and its version: {@link #OWN} for its own write. */
    private record Seen(byte[] value, long version) {
    }
}
