package io.kv4j.tck.broken;

import io.kv4j.common.Capability;
import io.kv4j.memory.MemoryProvider;
import io.kv4j.spi.BackendConfig;
import io.kv4j.spi.BackendException;
import io.kv4j.spi.Commit;
import io.kv4j.spi.Entry;
import io.kv4j.spi.KeyOrder;
import io.kv4j.spi.KeyRange;
import io.kv4j.spi.KvBackend;
import io.kv4j.spi.KvProvider;
import io.kv4j.spi.Mutation;
import io.kv4j.tck.ForwardingBackend;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Backends that each break exactly one behaviour, on top of the memory backend, to prove that
 * the kit catches them. Each has its own scheme, {@code kv:broken-NAME:STORAGE}, where STORAGE
 * names a shared memory storage; all but {@link AcceptsEveryUrl} are registered in
 * {@code src/test/resources/META-INF/services}.
 */
public final class BrokenBackends {

    private BrokenBackends() {
    }

    /** Opens memory storage under the URL's own name and lets a subclass distort it. */
    public abstract static class Broken implements KvProvider {

        abstract String name();

        abstract KvBackend wrap(KvBackend memory);

        @Override
        public int apiVersion() {
            return API_VERSION;
        }

        @Override
        public String scheme() {
            return "broken-" + name();
        }

        @Override
        public boolean accepts(String url) {
            return url.startsWith("kv:" + scheme() + ":");
        }

        @Override
        public KvBackend open(BackendConfig config) {
            return wrap(memory("kv:memory:" + scheme() + "/" + storage(config)));
        }

        /** The part of the URL after the scheme: which storage of this scheme to use. */
        static String storage(BackendConfig config) {
            return config.url().substring(config.url().indexOf(':', 3) + 1);
        }

        /** The memory backend on a URL of its own. */
        static KvBackend memory(String url) {
            return new MemoryProvider().open(BackendConfig.of(url, Map.of(), List.of()));
        }
    }

    /** A commit with the id, checks and range deletions of {@code c}, and other reads and writes. */
    static Commit with(Commit c, List<Commit.PointRead> reads, List<Commit.RangeRead> ranges,
            List<Commit.Write> writes) {
        return Commit.of(c.id(), reads, ranges, c.checks(), c.rangeDeletes(), writes);
    }

    /** A part of a commit that a broken backend leaves out. */
    enum Part { READS, RANGES, CHECKS, RANGE_DELETES }

    /** {@code c} with the given parts left out, and everything else as it is. */
    static Commit without(Commit c, Part... parts) {
        Set<Part> gone = Set.of(parts);
        return Commit.of(c.id(),
                gone.contains(Part.READS) ? List.of() : c.reads(),
                gone.contains(Part.RANGES) ? List.of() : c.ranges(),
                gone.contains(Part.CHECKS) ? List.of() : c.checks(),
                gone.contains(Part.RANGE_DELETES) ? List.of() : c.rangeDeletes(),
                c.writes());
    }

    /**
     * One page of {@link KvBackend#namespaces}: the names strictly after {@code after} (all when
     * null) in {@code order}, at most {@code limit}.
     */
    static List<String> page(java.util.Collection<String> names, Comparator<String> order,
            String after, int limit) {
        return names.stream().sorted(order)
                .filter(n -> after == null || order.compare(n, after) > 0).limit(limit).toList();
    }

    /** Reads keys one by one through {@code backend}'s own read, so a bulk read has its bug. */
    static List<Entry> oneByOne(KvBackend backend, String namespace, List<String> keys) {
        return keys.stream().map(key -> backend.read(namespace, key)).toList();
    }

    /** A write of the same kind as {@code w} to another namespace and key. */
    static Commit.Write moved(Commit.Write w, String namespace, String key) {
        return switch (w.kind()) {
            case PUT -> Commit.Write.put(namespace, key, w.value());
            case DELETE -> Commit.Write.delete(namespace, key);
            case MUTATE -> Commit.Write.mutate(namespace, key, w.mutation());
        };
    }

    /** A commit with every namespace and key of {@code c} renamed. */
    static Commit renamed(Commit c, UnaryOperator<String> namespace,
            java.util.function.BinaryOperator<String> key,
            java.util.function.BiFunction<String, KeyRange, KeyRange> range) {
        return Commit.of(c.id(),
                c.reads().stream().map(r -> Commit.PointRead.of(namespace.apply(r.namespace()),
                        key.apply(r.namespace(), r.key()), r.version())).toList(),
                c.ranges().stream().map(r -> Commit.RangeRead.of(namespace.apply(r.namespace()),
                        range.apply(r.namespace(), r.range()), r.seen().stream()
                                .map(x -> Commit.Seen.of(key.apply(r.namespace(), x.key()),
                                        x.version())).toList())).toList(),
                c.checks().stream().map(x -> Commit.Check.of(namespace.apply(x.namespace()),
                        key.apply(x.namespace(), x.key()), x.version())).toList(),
                c.rangeDeletes().stream().map(d -> Commit.RangeDelete.of(
                        namespace.apply(d.namespace()), range.apply(d.namespace(), d.range())))
                        .toList(),
                c.writes().stream().map(w -> moved(w, namespace.apply(w.namespace()),
                        key.apply(w.namespace(), w.key()))).toList());
    }

    /** Forwards everything; subclasses override the one call they break. */
    /**
     * Scans and commits that take turns under one lock per broken kind (shared by every store of
     * it, as they share storage), so each page is one committed state, as on a database; each
     * commit is applied as {@code checked} rewrites it, with some of its checks left out.
     */
    static final class TakingTurns extends ForwardingBackend {

        private final Object lock;
        private final UnaryOperator<Commit> checked;

        TakingTurns(KvBackend inner, Object lock, UnaryOperator<Commit> checked) {
            super(inner);
            this.lock = lock;
            this.checked = checked;
        }

        @Override
        public List<Entry> scan(String namespace, KeyRange range, boolean reverse, int limit) {
            synchronized (lock) {
                return inner.scan(namespace, range, reverse, limit);
            }
        }

        @Override
        public long commit(Commit c) {
            synchronized (lock) {
                return inner.commit(checked.apply(c));
            }
        }
    }

    /**
     * A backend whose listings are broken and that validates a listing by running its own scan
     * again, as a real backend re-runs its query: a transaction that listed then sees the same
     * wrong page at commit and commits, so the kit's checks, not a conflict, must catch the bug.
     * Commits of every such backend are validated and applied under one lock, so they stay atomic.
     */
    abstract static class ScanBroken extends ForwardingBackend {

        private static final Object LOCK = new Object();

        ScanBroken(KvBackend inner) {
            super(inner);
        }

        @Override
        public long commit(Commit c) {
            synchronized (LOCK) {
                for (Commit.RangeRead r : c.ranges()) {
                    List<Commit.Seen> now = new ArrayList<>();
                    for (Entry e : scan(r.namespace(), r.range(), false, Integer.MAX_VALUE)) {
                        now.add(Commit.Seen.of(e.key(), e.version()));
                    }
                    if (!now.equals(r.seen())) {
                        throw BackendException.rangeChanged(r.namespace(), r.range());
                    }
                }
                return inner.commit(without(c, Part.RANGES));
            }
        }
    }

    /**
     * Memory storage that declares itself durable, for the kit's own test of KV-9 through
     * {@link DurableFixture}: the fixture holds a store on the storage, so it outlives every
     * store the kit opens, as a database outlives its clients. Its storage is that of
     * {@code kv:memory:STORAGE}, which {@link LosesCommitOutcome} shares.
     */
    public static final class DeclaredDurable extends Broken {
        @Override
        String name() {
            return "durable";
        }

        @Override
        public KvBackend open(BackendConfig config) {
            return wrap(memory("kv:memory:" + storage(config)));
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ForwardingBackend(memory) {
                @Override
                public Set<Capability> capabilities() {
                    return Set.of(Capability.DURABLE);
                }
            };
        }
    }

    /** Keeps the first value of a key: later sets of an existing key are dropped. */
    public static final class IgnoresOverwrites extends Broken {
        @Override
        String name() {
            return "overwrite";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ForwardingBackend(memory) {
                @Override
                public long commit(Commit c) {
                    List<Commit.Write> kept = new ArrayList<>();
                    for (Commit.Write w : c.writes()) {
                        if (w.kind() != Commit.Write.Kind.PUT
                                || inner.read(w.namespace(), w.key()) == null) {
                            kept.add(w);
                        }
                    }
                    return inner.commit(with(c, c.reads(), c.ranges(), kept));
                }
            };
        }
    }

    /** Drops every delete. */
    public static final class LosesDeletes extends Broken {
        @Override
        String name() {
            return "delete";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ForwardingBackend(memory) {
                @Override
                public long commit(Commit c) {
                    return inner.commit(with(c, c.reads(), c.ranges(),
                            c.writes().stream().filter(w -> !w.isDelete()).toList()));
                }
            };
        }
    }

    /** Puts every function's entries in one namespace. */
    public static final class LeaksNamespaces extends Broken {
        private static final String ONE = "everyone";

        @Override
        String name() {
            return "namespace";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ForwardingBackend(memory) {
                @Override
                public List<Entry> readMany(String namespace, List<String> keys) {
                    return oneByOne(this, namespace, keys);
                }

                @Override
                public Entry read(String namespace, String key) {
                    return inner.read(ONE, key);
                }

                @Override
                public List<Entry> scan(String namespace, KeyRange range, boolean reverse, int limit) {
                    return inner.scan(ONE, range, reverse, limit);
                }

                @Override
                public long commit(Commit c) {
                    return inner.commit(renamed(c, n -> ONE, (n, k) -> k, (n, r) -> r));
                }
            };
        }
    }

    /**
     * Drops trailing spaces from function names, as a fixed-width or PAD SPACE column would, so
     * {@code f} and {@code "f "} share entries.
     */
    public static final class TrimsFunctionNames extends Broken {
        static String trim(String name) {
            int end = name.length();
            while (end > 0 && name.charAt(end - 1) == ' ') {
                end--;
            }
            return name.substring(0, end);
        }

        @Override
        String name() {
            return "name-spaces";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ForwardingBackend(memory) {
                @Override
                public List<Entry> readMany(String namespace, List<String> keys) {
                    return oneByOne(this, namespace, keys);
                }

                @Override
                public Entry read(String namespace, String key) {
                    return inner.read(trim(namespace), key);
                }

                @Override
                public List<Entry> scan(String namespace, KeyRange range, boolean reverse, int limit) {
                    return inner.scan(trim(namespace), range, reverse, limit);
                }

                @Override
                public long commit(Commit c) {
                    return inner.commit(renamed(c, TrimsFunctionNames::trim, (n, k) -> k,
                            (n, r) -> r));
                }

                @Override
                public long deleteNamespace(String namespace) {
                    return inner.deleteNamespace(trim(namespace));
                }
            };
        }
    }

    /**
     * Keeps every entry under one key made of the function's name, {@code :} and the key, so
     * function {@code f} with key {@code b:c} and function {@code f:b} with key {@code c} share an
     * entry.
     */
    public static final class JoinsNamesWithAColon extends Broken {
        private static final String FLAT = "all";

        @Override
        String name() {
            return "name-join";
        }

        static String join(String namespace, String key) {
            return key == null ? null : namespace + ':' + key;
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ForwardingBackend(memory) {
                /** The keys of a range of a function among the joined keys. */
                private KeyRange flat(String namespace, KeyRange range) {
                    return KeyRange.prefix(namespace + ':').and(KeyRange.between(
                            join(namespace, range.start()), join(namespace, range.end())));
                }

                @Override
                public List<Entry> readMany(String namespace, List<String> keys) {
                    return oneByOne(this, namespace, keys);
                }

                @Override
                public Entry read(String namespace, String key) {
                    Entry e = inner.read(FLAT, join(namespace, key));
                    return e == null ? null : Entry.of(key, e.value(), e.version());
                }

                @Override
                public List<Entry> scan(String namespace, KeyRange range, boolean reverse, int limit) {
                    List<Entry> out = new ArrayList<>();
                    for (Entry e : inner.scan(FLAT, flat(namespace, range), reverse, limit)) {
                        out.add(Entry.of(e.key().substring(namespace.length() + 1), e.value(),
                                e.version()));
                    }
                    return out;
                }

                @Override
                public long commit(Commit c) {
                    return inner.commit(renamed(c, n -> FLAT, JoinsNamesWithAColon::join,
                            this::flat));
                }

                @Override
                public List<String> namespaces(String startAfter, int limit) {
                    Set<String> names = new java.util.HashSet<>();
                    for (Entry e : inner.scan(FLAT, KeyRange.all(), false, Integer.MAX_VALUE)) {
                        names.add(e.key().substring(0, e.key().indexOf(':')));
                    }
                    return page(names, KeyOrder.COMPARATOR, startAfter, limit);
                }

                @Override
                public long deleteNamespace(String namespace) {
                    List<Commit.Write> deletes = new ArrayList<>();
                    for (Entry e : inner.scan(FLAT, KeyRange.prefix(namespace + ':'), false,
                            Integer.MAX_VALUE)) {
                        deletes.add(Commit.Write.delete(FLAT, e.key()));
                    }
                    if (!deletes.isEmpty()) {
                        inner.commit(Commit.of(List.of(), List.of(), deletes));
                    }
                    return deletes.size();
                }
            };
        }
    }

    /**
     * Deletes every function whose name begins with the name given, as a {@code LIKE 'f%'}
     * would.
     */
    public static final class DeletesNamespacesByPrefix extends Broken {
        @Override
        String name() {
            return "delete-prefix";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ForwardingBackend(memory) {
                @Override
                public long deleteNamespace(String namespace) {
                    long n = 0;
                    for (String name : inner.namespaces(null, Integer.MAX_VALUE)) {
                        if (name.startsWith(namespace)) {
                            n += inner.deleteNamespace(name);
                        }
                    }
                    return n;
                }
            };
        }
    }

    /** Applies only the first write of each batch. */
    public static final class CommitsPartOfABatch extends Broken {
        @Override
        String name() {
            return "partial";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ForwardingBackend(memory) {
                @Override
                public long commit(Commit c) {
                    // the first write in key order, so that which write survives is the same
                    // in every run whatever the function names
                    List<Commit.Write> first = c.writes().stream()
                            .sorted(Comparator.comparing(Commit.Write::key)
                                    .thenComparing(Commit.Write::namespace))
                            .limit(1).toList();
                    return inner.commit(with(c, c.reads(), c.ranges(), first));
                }
            };
        }
    }

    /** Never checks the versions of point reads. */
    public static final class SkipsPointValidation extends Broken {
        @Override
        String name() {
            return "point";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ForwardingBackend(memory) {
                @Override
                public long commit(Commit c) {
                    return inner.commit(without(c, Part.READS));
                }
            };
        }
    }

    /**
     * Never checks range reads, so phantoms go unseen. Its scans and commits take turns, so each
     * page is one committed state, as on a database, and only the missing check shows.
     */
    public static final class SkipsRangeValidation extends Broken {
        private static final Object LOCK = new Object();

        @Override
        String name() {
            return "range";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new TakingTurns(memory, LOCK,
                    c -> without(c, Part.RANGES));
        }
    }

    /** Checks only the reads that found an entry: a key found missing may appear unseen. */
    public static final class SkipsMissingReads extends Broken {
        @Override
        String name() {
            return "missing";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ForwardingBackend(memory) {
                @Override
                public long commit(Commit c) {
                    return inner.commit(with(c, c.reads().stream()
                            .filter(r -> r.version() != MISSING).toList(), c.ranges(), c.writes()));
                }
            };
        }
    }

    /**
     * Counts a read as changed only when the key's version is newer than the one read, so a key
     * deleted since (version 0) goes unseen. Checks and applies under one lock, so commits stay
     * atomic.
     */
    public static final class ChecksOnlyNewer extends Broken {
        private static final Object LOCK = new Object();

        @Override
        String name() {
            return "newer";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ForwardingBackend(memory) {
                @Override
                public long commit(Commit c) {
                    synchronized (LOCK) {
                        for (Commit.PointRead r : c.reads()) {
                            Entry now = inner.read(r.namespace(), r.key());
                            if (now != null && now.version() > r.version()) {
                                throw BackendException.readChanged(r.namespace(), r.key());
                            }
                        }
                        return inner.commit(without(c, Part.READS));
                    }
                }
            };
        }
    }

    /**
     * Numbers versions per key, starting again at 1 when a key is created, as a row's own version
     * column does: a key deleted and set again has a version it had before.
     */
    public static class VersionsPerKey extends Broken {
        private static final Object LOCK = new Object();
        /** Storage and key to its version. Guarded by LOCK. */
        private static final Map<String, Long> VERSIONS = new java.util.HashMap<>();

        @Override
        String name() {
            return "versions";
        }

        /** Whether deleting a key forgets its version, so that it starts again at 1. */
        boolean forgetsDeletedKeys() {
            return true;
        }

        @Override
        public KvBackend open(BackendConfig config) {
            String storage = storage(config);
            KvBackend memory = memory("kv:memory:" + scheme() + "/" + storage);
            return new ForwardingBackend(memory) {
                private String id(String namespace, String key) {
                    return scheme() + '\u0000' + storage + '\u0000' + namespace + '\u0000' + key;
                }

                private Entry renumbered(String namespace, Entry e) {
                    return e == null ? null : Entry.of(e.key(), e.value(),
                            VERSIONS.getOrDefault(id(namespace, e.key()), 1L));
                }

                @Override
                public Entry read(String namespace, String key) {
                    synchronized (LOCK) {
                        return renumbered(namespace, inner.read(namespace, key));
                    }
                }

                @Override
                public List<Entry> readMany(String namespace, List<String> keys) {
                    synchronized (LOCK) {
                        return inner.readMany(namespace, keys).stream()
                                .map(e -> renumbered(namespace, e)).toList();
                    }
                }

                @Override
                public List<Entry> scan(String namespace, KeyRange range, boolean reverse, int limit) {
                    synchronized (LOCK) {
                        return inner.scan(namespace, range, reverse, limit).stream()
                                .map(e -> renumbered(namespace, e)).toList();
                    }
                }

                @Override
                public long commit(Commit c) {
                    synchronized (LOCK) {
                        for (Commit.PointRead r : c.reads()) {
                            Entry now = read(r.namespace(), r.key());
                            if ((now == null ? MISSING : now.version()) != r.version()) {
                                throw BackendException.readChanged(r.namespace(), r.key());
                            }
                        }
                        for (Commit.RangeRead r : c.ranges()) {
                            List<Commit.Seen> now = new ArrayList<>();
                            for (Entry e : scan(r.namespace(), r.range(), false,
                                    Integer.MAX_VALUE)) {
                                now.add(Commit.Seen.of(e.key(), e.version()));
                            }
                            if (!now.equals(r.seen())) {
                                throw BackendException.rangeChanged(r.namespace(), r.range());
                            }
                        }
                        for (Commit.Check k : c.checks()) {
                            Entry now = read(k.namespace(), k.key());
                            long found = now == null ? MISSING : now.version();
                            if (found != k.version()) {
                                throw BackendException.checkFailed(k.namespace(), k.key(),
                                        k.version(), found);
                            }
                        }
                        List<String> cleared = new ArrayList<>();
                        for (Commit.RangeDelete d : c.rangeDeletes()) {
                            for (Entry e : inner.scan(d.namespace(), d.range(), false,
                                    Integer.MAX_VALUE)) {
                                cleared.add(id(d.namespace(), e.key()));
                            }
                        }
                        long v = inner.commit(without(c, Part.READS, Part.RANGES,
                                Part.CHECKS));
                        if (forgetsDeletedKeys()) {
                            cleared.forEach(VERSIONS::remove);
                        }
                        for (Commit.Write w : c.writes()) {
                            String id = id(w.namespace(), w.key());
                            if (w.isDelete()) {
                                if (forgetsDeletedKeys()) {
                                    VERSIONS.remove(id);
                                }
                            } else {
                                VERSIONS.merge(id, 1L, Long::sum);
                            }
                        }
                        return v;
                    }
                }

                @Override
                public long deleteNamespace(String namespace) {
                    synchronized (LOCK) {
                        VERSIONS.keySet().removeIf(k -> k.startsWith(id(namespace, "")));
                        return inner.deleteNamespace(namespace);
                    }
                }
            };
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            throw new UnsupportedOperationException("opened by open()");
        }
    }

    /**
     * Numbers versions per key and keeps a deleted key's number, so deleting and setting a key
     * again gives it a new version; but {@code deleteAll} drops the numbers with the rows, so a
     * key set again after it has a version it had before.
     */
    public static final class VersionsForgottenByDeleteAll extends VersionsPerKey {
        @Override
        String name() {
            return "delete-all-versions";
        }

        @Override
        boolean forgetsDeletedKeys() {
            return false;
        }
    }

    /**
     * Never checks listed ranges that start at a function's first key, as listings of the empty
     * prefix do, as if a whole function could not change. Its scans and commits take turns, so
     * each page is one committed state, as on a database.
     */
    public static final class SkipsEmptyPrefixRanges extends Broken {
        private static final Object LOCK = new Object();

        @Override
        String name() {
            return "empty-prefix";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new TakingTurns(memory, LOCK, c -> with(c, c.reads(),
                    c.ranges().stream().filter(r -> !r.range().start().isEmpty()).toList(),
                    c.writes()));
        }
    }

    /**
     * Applies a commit's blind deletes (of keys it neither read nor listed) at once, before it
     * checks the reads, as if they needed no check: a commit that conflicts still deletes.
     */
    public static final class BlindDeletesFirst extends Broken {
        @Override
        String name() {
            return "delete-first";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ForwardingBackend(memory) {
                @Override
                public long commit(Commit c) {
                    List<Commit.Write> blind = c.writes().stream().filter(w -> w.isDelete()
                            && c.reads().stream().noneMatch(r -> r.namespace().equals(w.namespace())
                                    && r.key().equals(w.key()))
                            && c.ranges().stream().noneMatch(r -> r.namespace().equals(w.namespace())
                                    && r.covers(w.key())))
                            .toList();
                    if (!blind.isEmpty()) {
                        inner.commit(Commit.of(List.of(), List.of(), blind));
                    }
                    return inner.commit(with(c, c.reads(), c.ranges(), c.writes()
                            .stream().filter(w -> !blind.contains(w)).toList()));
                }
            };
        }
    }

    /**
     * A page of a scan in {@link String#compareTo} order, the start (where a cursor goes) compared
     * the same way; the end, where a prefix ends, is compared right.
     */
    static List<Entry> inStringOrder(KvBackend inner, String namespace, KeyRange range,
            boolean reverse, int limit) {
        Comparator<String> order = reverse ? Comparator.<String>reverseOrder()
                : Comparator.<String>naturalOrder();
        return inner.scan(namespace, KeyRange.between(null, range.end()), false,
                        Integer.MAX_VALUE).stream()
                .filter(e -> e.key().compareTo(range.start()) >= 0)
                .sorted(Comparator.comparing(Entry::key, order))
                .limit(limit).toList();
    }

    /** Lists in {@link String#compareTo} order instead of UTF-8 byte order. */
    public static final class ListsInStringOrder extends Broken {
        @Override
        String name() {
            return "string-order";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ScanBroken(memory) {
                @Override
                public List<Entry> scan(String namespace, KeyRange range, boolean reverse, int limit) {
                    return inStringOrder(inner, namespace, range, reverse, limit);
                }
            };
        }
    }

    /** Lists function names in {@link String#compareTo} order instead of UTF-8 byte order. */
    public static final class ListsFunctionsInStringOrder extends Broken {
        @Override
        String name() {
            return "function-order";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ForwardingBackend(memory) {
                @Override
                public List<String> namespaces(String after, int limit) {
                    return page(inner.namespaces(null, Integer.MAX_VALUE),
                            Comparator.naturalOrder(), after, limit);
                }
            };
        }
    }

    /**
     * Gives every store storage of its own, as a first backend that keeps a map per store does,
     * without declaring {@code PRIVATE_TO_STORE}.
     */
    public static final class OwnStoragePerStore extends Broken {
        @Override
        String name() {
            return "own-storage";
        }

        @Override
        public KvBackend open(BackendConfig config) {
            return wrap(memory("kv:memory:"));
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ForwardingBackend(memory) {
                @Override
                public Set<Capability> capabilities() {
                    return Set.of();
                }
            };
        }
    }

    /** Returns one entry fewer than asked for, so a listing seems to end early. */
    public static final class ShortPages extends Broken {
        @Override
        String name() {
            return "short-page";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ForwardingBackend(memory) {
                @Override
                public List<Entry> scan(String namespace, KeyRange range, boolean reverse, int limit) {
                    List<Entry> page = inner.scan(namespace, range, reverse, limit);
                    return limit > 1 && page.size() == limit ? page.subList(0, limit - 1) : page;
                }
            };
        }
    }

    /** Never returns more than 1,000 entries from one scan, as a server with a row cap would. */
    public static final class CapsPagesAt1000 extends Broken {
        @Override
        String name() {
            return "page-count";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ScanBroken(memory) {
                @Override
                public List<Entry> scan(String namespace, KeyRange range, boolean reverse, int limit) {
                    return inner.scan(namespace, range, reverse, Math.min(limit, 1000));
                }
            };
        }
    }

    /** Ends a scan once its values reach 64 KiB, as a server with a response size cap would. */
    public static final class CapsPagesAt64KiB extends Broken {
        @Override
        String name() {
            return "page-bytes";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ScanBroken(memory) {
                @Override
                public List<Entry> scan(String namespace, KeyRange range, boolean reverse, int limit) {
                    List<Entry> out = new ArrayList<>();
                    int bytes = 0;
                    for (Entry e : inner.scan(namespace, range, reverse, limit)) {
                        bytes += e.value().length;
                        if (!out.isEmpty() && bytes > 64 * 1024) {
                            break;
                        }
                        out.add(e);
                    }
                    return out;
                }
            };
        }
    }

    /**
     * Bounds a prefix's range by the prefix followed by U+FFFF, which in UTF-8 order leaves out
     * U+FFFF itself and every character beyond the BMP: it takes a range's end for the end of a
     * prefix, and the prefix for the end with its last character decremented.
     */
    public static final class PrefixBoundByFFFF extends Broken {
        @Override
        String name() {
            return "prefix-bound";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ScanBroken(memory) {
                @Override
                public List<Entry> scan(String namespace, KeyRange range, boolean reverse, int limit) {
                    String end = range.end();
                    if (end == null) {
                        return inner.scan(namespace, range, reverse, limit);
                    }
                    int last = end.codePointBefore(end.length());
                    String bound = end.substring(0, end.length() - Character.charCount(last))
                            + new String(Character.toChars(last - 1)) + '\uFFFF';
                    return inner.scan(namespace, range.before(bound), reverse, limit);
                }
            };
        }
    }

    /**
     * Compares keys with a range's bounds without regard to case, as a case-insensitive collation
     * would, so a prefix matches without regard to case.
     */
    public static final class CaseInsensitivePrefix extends Broken {
        @Override
        String name() {
            return "prefix-case";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ScanBroken(memory) {
                @Override
                public List<Entry> scan(String namespace, KeyRange range, boolean reverse, int limit) {
                    KeyRange folded = KeyRange.between(fold(range.start()), fold(range.end()));
                    List<Entry> all = new ArrayList<>(inner.scan(namespace, KeyRange.all(),
                            false, Integer.MAX_VALUE));
                    if (reverse) {
                        java.util.Collections.reverse(all);
                    }
                    return all.stream().filter(e -> folded.covers(fold(e.key())))
                            .limit(limit).toList();
                }

                private static String fold(String key) {
                    return key == null ? null : key.toLowerCase(java.util.Locale.ROOT);
                }
            };
        }
    }

    /**
     * Lists the keys of a range with an end, such as a non-empty prefix, in
     * {@link String#compareTo} order, as a query with the prefix in a LIKE clause might, and lists
     * a range that runs to the last key, such as the empty prefix, right.
     */
    public static final class StringOrderUnderAPrefix extends Broken {
        @Override
        String name() {
            return "prefix-order";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ScanBroken(memory) {
                @Override
                public List<Entry> scan(String namespace, KeyRange range, boolean reverse, int limit) {
                    return range.end() == null ? inner.scan(namespace, range, reverse, limit)
                            : inStringOrder(inner, namespace, range, reverse, limit);
                }
            };
        }
    }

    /**
     * Ignores the cursor: every scan of a range starts where the first scan with the same end (the
     * end of the listing's prefix) started, so paging never ends. Its validation runs the same
     * query again, from the first key a page held.
     */
    public static final class IgnoresCursor extends Broken {
        @Override
        String name() {
            return "cursor-ignored";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            Map<String, String> starts = new ConcurrentHashMap<>();
            return new ForwardingBackend(memory) {
                @Override
                public List<Entry> scan(String namespace, KeyRange range, boolean reverse, int limit) {
                    String listing = namespace + '\u0000' + (range.end() == null ? ""
                            : '\u0000' + range.end());
                    String start = starts.computeIfAbsent(listing, l -> range.start());
                    return inner.scan(namespace, KeyRange.between(start, range.end()), reverse,
                            limit);
                }

                @Override
                public long commit(Commit c) {
                    return inner.commit(with(c, c.reads(), c.ranges().stream().map(r -> {
                        String first = r.seen().isEmpty() ? null : r.seen().get(0).key();
                        return first == null || KeyOrder.compare(first, r.range().start()) >= 0
                                ? r : Commit.RangeRead.of(r.namespace(),
                                        KeyRange.between(first, r.range().end()), r.seen());
                    }).toList(), c.writes()));
                }
            };
        }
    }

    /** Stores text as ASCII: every other character becomes '?'. */
    public static final class MangledText extends Broken {
        @Override
        String name() {
            return "ascii";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ForwardingBackend(memory) {
                @Override
                public long commit(Commit c) {
                    return inner.commit(with(c, c.reads(), c.ranges(), c.writes().stream()
                            .map(w -> w.kind() != Commit.Write.Kind.PUT ? w : Commit.Write.put(
                                    w.namespace(), w.key(), new String(w.value(), StandardCharsets.UTF_8)
                                            .replaceAll("[^\\x00-\\x7F]", "?")
                                            .getBytes(StandardCharsets.UTF_8)))
                            .toList()));
                }
            };
        }
    }

    /**
     * Rewrites every number of a value as a JavaScript runtime prints it: {@code 2.0} as
     * {@code 2}, {@code 1.0E10} as {@code 10000000000}, {@code -0.0} as {@code 0}, {@code 2.50} as
     * {@code 2.5}.
     */
    public static final class NormalisesNumbers extends Broken {
        @Override
        String name() {
            return "numbers";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new RewritesNumbers(memory, number -> {
                if (number.matches("-?[0-9]+")) {
                    return number;
                }
                java.math.BigDecimal d = new java.math.BigDecimal(number).stripTrailingZeros();
                return d.signum() == 0 ? "0" : d.scale() <= 0
                        ? d.toBigInteger().toString() : d.toPlainString();
            });
        }
    }

    /**
     * Keeps every number that is not an integer as the nearest double, as a store that holds
     * numbers as doubles does: {@code 12345678901234567890.10} becomes
     * {@code 1.2345678901234567E19}, {@code 1E-400} becomes {@code 0.0}, and a number beyond a
     * double becomes {@code null}, as JavaScript's JSON.stringify writes Infinity.
     */
    public static final class RoundsThroughDouble extends Broken {
        @Override
        String name() {
            return "double";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new RewritesNumbers(memory, number -> {
                if (number.matches("-?[0-9]+")) {
                    return number;
                }
                double d = Double.parseDouble(number);
                return Double.isFinite(d) ? Double.toString(d) : "null";
            });
        }
    }

    /** Commits every value with each of its numbers rewritten. */
    static final class RewritesNumbers extends ForwardingBackend {

        private final UnaryOperator<String> rewrite;

        RewritesNumbers(KvBackend inner, UnaryOperator<String> rewrite) {
            super(inner);
            this.rewrite = rewrite;
        }

        @Override
        public long commit(Commit c) {
            return inner.commit(with(c, c.reads(), c.ranges(), c.writes().stream()
                    .map(w -> w.kind() != Commit.Write.Kind.PUT ? w : Commit.Write.put(
                            w.namespace(), w.key(), numbers(w.value(), rewrite)))
                    .toList()));
        }
    }

    /** A value's JSON with each number outside strings replaced by what {@code rewrite} makes of it. */
    static byte[] numbers(byte[] json, UnaryOperator<String> rewrite) {
        String text = new String(json, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\') {
                    out.append(text.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                out.append(c);
            } else if (c == '-' || c >= '0' && c <= '9') {
                int end = i;
                while (end < text.length() && "0123456789.eE+-".indexOf(text.charAt(end)) >= 0) {
                    end++;
                }
                out.append(rewrite.apply(text.substring(i, end)));
                i = end - 1;
            } else {
                out.append(c);
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Declares that it stores values of up to 1 MiB, but keeps each number in 12 bytes of a
     * binary form limited to 1 MiB, as PostgreSQL's jsonb keeps {@code [0,0,...]} in six times
     * its JSON text: a 1 MiB array of zeros fails at commit, a 1 MiB string does not.
     */
    public static final class OverstatesItsMaximum extends Broken {
        private static final int MAX = 1024 * 1024;

        @Override
        String name() {
            return "value-cap";
        }

        @Override
        public int maxValueBytes() {
            return MAX;
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ForwardingBackend(memory) {
                @Override
                public long commit(Commit c) {
                    for (Commit.Write w : c.writes()) {
                        int[] count = {0};
                        if (w.kind() == Commit.Write.Kind.PUT) {
                            numbers(w.value(), n -> {
                                count[0]++;
                                return n;
                            });
                        }
                        if (12L * count[0] > MAX) {
                            throw BackendException.storage("the binary form of the value of "
                                    + w.key() + " needs " + 12L * count[0] + " bytes, over "
                                    + MAX, null, null);
                        }
                    }
                    return inner.commit(c);
                }
            };
        }
    }

    /** Stores text in Unicode NFC, as some stores and drivers do on the way in. */
    public static final class NormalisesText extends Broken {
        @Override
        String name() {
            return "nfc";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ForwardingBackend(memory) {
                @Override
                public long commit(Commit c) {
                    return inner.commit(with(c, c.reads(), c.ranges(), c.writes().stream()
                            .map(w -> w.kind() != Commit.Write.Kind.PUT ? w : Commit.Write.put(
                                    w.namespace(), w.key(), java.text.Normalizer.normalize(new String(w.value(),
                                            StandardCharsets.UTF_8), java.text.Normalizer.Form.NFC)
                                            .getBytes(StandardCharsets.UTF_8)))
                            .toList()));
                }
            };
        }
    }

    /**
     * Takes a password option and writes it into a debug log line when it opens, as a driver that
     * logs its connection settings would.
     */
    public static final class LogsItsPassword extends Broken {
        private static final System.Logger LOG = System.getLogger(LogsItsPassword.class.getName());
        private static final io.kv4j.common.Option<String> PASSWORD =
                io.kv4j.common.Option.secret("password", "the password");

        @Override
        String name() {
            return "logs";
        }

        @Override
        public List<io.kv4j.common.Option<?>> options() {
            return List.of(PASSWORD);
        }

        @Override
        public KvBackend open(BackendConfig config) {
            if (config.isGiven(PASSWORD)) {
                LOG.log(System.Logger.Level.DEBUG, "connecting with password="
                        + config.get(PASSWORD));
            }
            return super.open(config);
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return memory;
        }
    }

    /**
     * Not broken: logs its URL when it opens, secrets masked, as a driver logs the server and
     * database it connects to. With a password that is also the database's name, such as
     * Testcontainers' {@code test}, the logged URL holds the password's text, but not the
     * password.
     */
    public static final class LogsItsUrl extends Broken {
        private static final System.Logger LOG = System.getLogger(LogsItsUrl.class.getName());

        @Override
        String name() {
            return "logs-url";
        }

        @Override
        public KvBackend open(BackendConfig config) {
            LOG.log(System.Logger.Level.INFO, "opening " + io.kv4j.common.KvUrl.redact(config.url()));
            return super.open(config);
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return memory;
        }
    }

    /**
     * Never answers a listing, as a backend stuck on a lock would: its scans wait 30 s, deaf to
     * interrupts, before they fail.
     */
    public static final class HangsOnListings extends Broken {
        @Override
        String name() {
            return "hang";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ForwardingBackend(memory) {
                @Override
                public List<Entry> scan(String namespace, KeyRange range, boolean reverse, int limit) {
                    long end = System.nanoTime() + 30_000_000_000L;
                    while (System.nanoTime() - end < 0) {
                        try {
                            Thread.sleep(100);
                        } catch (InterruptedException e) {
                            // deaf to interrupts, as a blocked socket read is
                        }
                    }
                    throw BackendException.unavailable("gave up after 30 s", null);
                }
            };
        }
    }

    /** Runs out of memory listing the functions, as one that loads every row at once might. */
    public static final class RunsOutOfMemory extends Broken {
        @Override
        String name() {
            return "oom";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ForwardingBackend(memory) {
                @Override
                public List<String> namespaces(String startAfter, int limit) {
                    throw new OutOfMemoryError("Java heap space (thrown by a broken backend)");
                }
            };
        }
    }

    /** Keeps only the first 255 characters of a key, like a VARCHAR(255) column. */
    public static final class TruncatesKeys extends Broken {
        private static String cut(String key) {
            return key.length() <= 255 ? key : key.substring(0, 255);
        }

        @Override
        String name() {
            return "truncate";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ForwardingBackend(memory) {
                @Override
                public List<Entry> readMany(String namespace, List<String> keys) {
                    return oneByOne(this, namespace, keys);
                }

                @Override
                public Entry read(String namespace, String key) {
                    Entry e = inner.read(namespace, cut(key));
                    return e == null ? null : Entry.of(key, e.value(), e.version());
                }

                @Override
                public long commit(Commit c) {
                    return inner.commit(renamed(c, n -> n, (n, k) -> cut(k), (n, r) -> r));
                }
            };
        }
    }

    /** Serves point reads from a cache that commits never invalidate. */
    public static final class StaleCache extends Broken {
        @Override
        String name() {
            return "stale";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            Map<String, Entry> cache = new ConcurrentHashMap<>();
            return new ForwardingBackend(memory) {
                @Override
                public List<Entry> readMany(String namespace, List<String> keys) {
                    return oneByOne(this, namespace, keys);
                }

                @Override
                public Entry read(String namespace, String key) {
                    String id = namespace + '\u0000' + key;
                    Entry cached = cache.get(id);
                    if (cached != null) {
                        return cached;
                    }
                    Entry e = inner.read(namespace, key);
                    if (e != null) {
                        cache.put(id, e);
                    }
                    return e;
                }
            };
        }
    }

    /** Applies each commit, then reports its outcome as unknown, as a lost connection would. */
    public static final class LosesCommitOutcome extends Broken {
        @Override
        String name() {
            return "cut";
        }

        @Override
        public KvBackend open(BackendConfig config) {
            // the same storage as kv:memory:STORAGE, so the kit can look through its main URL
            return wrap(memory("kv:memory:" + storage(config)));
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ForwardingBackend(memory) {
                @Override
                public long commit(Commit c) {
                    inner.commit(c);
                    throw BackendException.outcomeUnknown("connection reset while committing",
                            null);
                }
            };
        }
    }

    /** Storage that can never be reached. */
    public static final class Unreachable extends Broken {
        @Override
        String name() {
            return "down";
        }

        @Override
        public KvBackend open(BackendConfig config) {
            throw BackendException.unavailable("connection refused", null);
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return memory;
        }
    }

    /** Declares itself durable, yet forgets everything when its fixture "restarts" the server. */
    public static final class Amnesia extends Broken {
        /** Bumped by a restart: later stores open fresh, empty storage. */
        public static final AtomicInteger GENERATION = new AtomicInteger();

        @Override
        String name() {
            return "amnesia";
        }

        @Override
        public KvBackend open(BackendConfig config) {
            return wrap(memory("kv:memory:amnesia-" + GENERATION.get() + "/" + storage(config)));
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ForwardingBackend(memory) {
                @Override
                public Set<Capability> capabilities() {
                    return Set.of(Capability.DURABLE);
                }
            };
        }
    }

    /**
     * Accepts every URL, the kind of provider that makes discovery silently pick the wrong
     * backend. Registered only in {@code accept-all/META-INF/services}, which the test that runs
     * the kit against it puts on the class path for that run alone.
     */
    public static final class AcceptsEveryUrl extends Broken {
        @Override
        String name() {
            return "accept-all";
        }

        @Override
        public boolean accepts(String url) {
            return true;
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return memory;
        }
    }

    /**
     * Answers a bulk read in key order, nulls last, as a query {@code WHERE key = ANY(?)} without
     * an ORDER BY matched back to the keys asked for would, so entries land on the wrong keys.
     */
    public static final class ReadsManyInKeyOrder extends Broken {
        @Override
        String name() {
            return "get-many-order";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ForwardingBackend(memory) {
                @Override
                public List<Entry> readMany(String namespace, List<String> keys) {
                    List<Entry> found = new ArrayList<>(inner.readMany(namespace, keys));
                    found.sort(Comparator.nullsLast(Comparator.comparing(Entry::key,
                            KeyOrder.COMPARATOR)));
                    return found;
                }
            };
        }
    }

    /** Drops the range deletions of every commit, applying the rest. */
    public static final class DropsRangeDeletes extends Broken {
        @Override
        String name() {
            return "range-delete-dropped";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ForwardingBackend(memory) {
                @Override
                public long commit(Commit c) {
                    return inner.commit(without(c, Part.RANGE_DELETES));
                }
            };
        }
    }

    /** Takes a range's end as inclusive, as {@code key <= ?} instead of {@code key < ?} would. */
    public static final class IncludesTheEnd extends Broken {
        @Override
        String name() {
            return "range-end-inclusive";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ScanBroken(memory) {
                @Override
                public List<Entry> scan(String namespace, KeyRange range, boolean reverse, int limit) {
                    KeyRange closed = range.end() == null ? range
                            : KeyRange.between(range.start(), null).to(range.end());
                    return inner.scan(namespace, closed, reverse, limit);
                }
            };
        }
    }

    /** Ignores the direction of a scan: reverse pages come in ascending order. */
    public static final class IgnoresReverse extends Broken {
        @Override
        String name() {
            return "reverse-ignored";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ForwardingBackend(memory) {
                @Override
                public List<Entry> scan(String namespace, KeyRange range, boolean reverse, int limit) {
                    return inner.scan(namespace, range, false, limit);
                }
            };
        }
    }

    /**
     * Numbers versions downwards, as a backend that uses a descending sequence would: reads and
     * validation stay consistent, but a later commit has a smaller version, so versionstamps run
     * against the commit order.
     */
    public static final class VersionsCountDown extends Broken {
        private static final long TOP = 1L << 40;

        @Override
        String name() {
            return "versions-down";
        }

        private static long flip(long version) {
            return version == KvBackend.MISSING ? KvBackend.MISSING : TOP - version;
        }

        private static Entry flipped(Entry e) {
            return e == null ? null : Entry.of(e.key(), e.value(), flip(e.version()));
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ForwardingBackend(memory) {
                @Override
                public Entry read(String namespace, String key) {
                    return flipped(inner.read(namespace, key));
                }

                @Override
                public List<Entry> readMany(String namespace, List<String> keys) {
                    return inner.readMany(namespace, keys).stream().map(VersionsCountDown::flipped)
                            .toList();
                }

                @Override
                public List<Entry> scan(String namespace, KeyRange range, boolean reverse, int limit) {
                    return inner.scan(namespace, range, reverse, limit).stream()
                            .map(VersionsCountDown::flipped).toList();
                }

                @Override
                public long commit(Commit c) {
                    long v = inner.commit(Commit.of(c.id(),
                            c.reads().stream().map(r -> Commit.PointRead.of(r.namespace(), r.key(),
                                    flip(r.version()))).toList(),
                            c.ranges().stream().map(r -> Commit.RangeRead.of(r.namespace(),
                                    r.range(), r.seen().stream().map(x -> Commit.Seen.of(x.key(),
                                            flip(x.version()))).toList())).toList(),
                            c.checks().stream().map(x -> Commit.Check.of(x.namespace(), x.key(),
                                    flip(x.version()))).toList(),
                            c.rangeDeletes(), c.writes()));
                    return v == 0 ? 0 : flip(v);
                }
            };
        }
    }

    /**
     * Applies each mutation itself, as a put of what {@code rule} makes of the value the key
     * holds (null: none); commits of every such backend take turns, so the read and the put are
     * atomic.
     */
    abstract static class MutatesItself extends Broken {
        private static final Object LOCK = new Object();

        /** The new value of a key, from its current JSON or null. */
        abstract byte[] mutate(Commit.Write w, byte[] current);

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ForwardingBackend(memory) {
                @Override
                public long commit(Commit c) {
                    synchronized (LOCK) {
                        List<Commit.Write> writes = new ArrayList<>();
                        for (Commit.Write w : c.writes()) {
                            if (w.kind() != Commit.Write.Kind.MUTATE) {
                                writes.add(w);
                                continue;
                            }
                            Entry now = inner.read(w.namespace(), w.key());
                            boolean cleared = c.rangeDeletes().stream().anyMatch(d -> d.namespace()
                                    .equals(w.namespace()) && d.range().covers(w.key()));
                            writes.add(Commit.Write.put(w.namespace(), w.key(), mutate(w,
                                    now == null || cleared ? null : now.value())));
                        }
                        return inner.commit(with(c, c.reads(), c.ranges(), writes));
                    }
                }
            };
        }
    }

    /** Computes mutations in 64-bit arithmetic, so a sum past Long.MAX_VALUE wraps. */
    public static final class SumsWrap extends MutatesItself {
        @Override
        String name() {
            return "sum-wraps";
        }

        @Override
        byte[] mutate(Commit.Write w, byte[] current) {
            java.math.BigInteger x = current == null ? null : Mutation.wholeNumber(current);
            if (current != null && x == null) {
                throw BackendException.notAnInteger(w.namespace(), w.key(),
                        new String(current, StandardCharsets.UTF_8));
            }
            long result = w.mutation().apply(x == null ? null
                    : java.math.BigInteger.valueOf(x.longValue())).longValue();
            return Mutation.json(java.math.BigInteger.valueOf(result));
        }
    }

    /** Sets a mutated key to the operand, as if it were missing: later sums overwrite earlier ones. */
    public static final class SumsOverwrite extends MutatesItself {
        @Override
        String name() {
            return "sum-overwrites";
        }

        @Override
        byte[] mutate(Commit.Write w, byte[] current) {
            return Mutation.json(w.mutation().apply(null));
        }
    }

    /** Mutates a value that is not a whole number as if the key were missing, without an error. */
    public static final class MutatesNonIntegers extends MutatesItself {
        @Override
        String name() {
            return "non-integer-as-missing";
        }

        @Override
        byte[] mutate(Commit.Write w, byte[] current) {
            java.math.BigInteger x = current == null ? null : Mutation.wholeNumber(current);
            return Mutation.json(w.mutation().apply(x));
        }
    }

    /**
     * Applies every mutation of a commit that deletes a range to a missing key, as a backend
     * that computes mutations after its range deletions without matching their function and
     * range would.
     */
    public static final class SumsFromNothingBesideARangeDeletion extends Broken {
        @Override
        String name() {
            return "sum-range-reset";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ForwardingBackend(memory) {
                @Override
                public long commit(Commit c) {
                    if (c.rangeDeletes().isEmpty()) {
                        return inner.commit(c);
                    }
                    return inner.commit(with(c, c.reads(), c.ranges(), c.writes().stream()
                            .map(w -> w.kind() != Commit.Write.Kind.MUTATE ? w
                                    : Commit.Write.put(w.namespace(), w.key(),
                                            Mutation.json(w.mutation().apply(null))))
                            .toList()));
                }
            };
        }
    }

    /** Drops the checks of every commit. */
    public static final class DropsChecks extends Broken {
        @Override
        String name() {
            return "checks-dropped";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ForwardingBackend(memory) {
                @Override
                public long commit(Commit c) {
                    return inner.commit(without(c, Part.CHECKS));
                }
            };
        }
    }

    /** Reports a failed check as a conflict, which the engine retries as if it could pass. */
    public static final class ChecksAsConflicts extends Broken {
        @Override
        String name() {
            return "check-as-conflict";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ForwardingBackend(memory) {
                @Override
                public long commit(Commit c) {
                    try {
                        return inner.commit(c);
                    } catch (BackendException e) {
                        if (e.kind() == BackendException.Kind.CHECK_FAILED) {
                            throw BackendException.readChanged(e.namespace(), e.key());
                        }
                        throw e;
                    }
                }
            };
        }
    }

    /**
     * Starts a listing whose cursor equals its prefix at the prefix, inclusive, as a range query
     * built with {@code >=} for both bounds would: a key equal to both is listed again. The
     * engine hands such a listing over as the prefix's range from just after the prefix, which
     * this backend widens back to the whole prefix.
     */
    public static final class ListsTheCursorWhenItIsThePrefix extends Broken {
        @Override
        String name() {
            return "cursor-prefix";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ScanBroken(memory) {
                @Override
                public List<Entry> scan(String namespace, KeyRange range, boolean reverse, int limit) {
                    String start = range.start();
                    if (start.endsWith("\u0001")) {
                        KeyRange prefix = KeyRange.prefix(start.substring(0, start.length() - 1));
                        if (prefix.end() != null && prefix.end().equals(range.end())) {
                            return inner.scan(namespace, prefix, reverse, limit);
                        }
                    }
                    return inner.scan(namespace, range, reverse, limit);
                }
            };
        }
    }
}
