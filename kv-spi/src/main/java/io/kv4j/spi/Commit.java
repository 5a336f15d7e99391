package io.kv4j.spi;

import io.kv4j.common.Capability;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a transaction asks a backend to commit: the reads to validate, the writes to apply, and an
 * id. The request engine creates commits; a backend only reads them. Later versions of the SPI may
 * add properties with defaults.
 */
public final class Commit {

    /** Null until {@link #id()} is first asked, when none was given: most backends never ask. */
    private UUID id;
    private final List<PointRead> reads;
    private final List<RangeRead> ranges;
    private final List<Check> checks;
    private final List<RangeDelete> rangeDeletes;
    private final List<Write> writes;
    private final boolean readsFromOneCall;

    private Commit(UUID id, List<PointRead> reads, List<RangeRead> ranges, List<Check> checks,
            List<RangeDelete> rangeDeletes, List<Write> writes, boolean readsFromOneCall) {
        this.id = id;
        this.reads = reads;
        this.ranges = ranges;
        this.checks = checks;
        this.rangeDeletes = rangeDeletes;
        this.writes = writes;
        this.readsFromOneCall = readsFromOneCall;
    }

    /**
     * Creates a commit with a fresh random id, made when a backend first asks for it.
     *
     * @param reads the point reads to validate
     * @param ranges the range reads to validate
     * @param writes the writes to apply, at most one per namespace and key
     * @return the commit
     */
    public static Commit of(List<PointRead> reads, List<RangeRead> ranges, List<Write> writes) {
        return of(reads, ranges, List.of(), List.of(), writes);
    }

    /**
     * Creates a commit with checks and range deletions and a fresh random id, made when a backend
     * first asks for it: a random UUID costs a draw from the system's secure random source, which
     * threads take turns at.
     *
     * @param reads the point reads to validate
     * @param ranges the range reads to validate
     * @param checks the versions the commit requires, at most one per namespace and key
     * @param rangeDeletes the ranges to clear, applied before the writes
     * @param writes the writes to apply, at most one per namespace and key
     * @return the commit
     */
    public static Commit of(List<PointRead> reads, List<RangeRead> ranges, List<Check> checks,
            List<RangeDelete> rangeDeletes, List<Write> writes) {
        return new Commit(null, List.copyOf(reads), List.copyOf(ranges), List.copyOf(checks),
                List.copyOf(rangeDeletes), List.copyOf(writes), false);
    }

    /**
     * Creates a commit.
     *
     * @param id the commit's id, unique to it
     * @param reads the point reads to validate
     * @param ranges the range reads to validate
     * @param writes the writes to apply, at most one per namespace and key
     * @return the commit
     */
    public static Commit of(UUID id, List<PointRead> reads, List<RangeRead> ranges,
            List<Write> writes) {
        return of(id, reads, ranges, List.of(), List.of(), writes);
    }

    /**
     * Creates a commit with checks and range deletions.
     *
     * @param id the commit's id, unique to it
     * @param reads the point reads to validate
     * @param ranges the range reads to validate
     * @param checks the versions the commit requires, at most one per namespace and key
     * @param rangeDeletes the ranges to clear, applied before the writes
     * @param writes the writes to apply, at most one per namespace and key
     * @return the commit
     */
    public static Commit of(UUID id, List<PointRead> reads, List<RangeRead> ranges,
            List<Check> checks, List<RangeDelete> rangeDeletes, List<Write> writes) {
        return new Commit(Objects.requireNonNull(id, "id"), List.copyOf(reads),
                List.copyOf(ranges), List.copyOf(checks), List.copyOf(rangeDeletes),
                List.copyOf(writes), false);
    }

    /**
     * The same commit, noting that all its reads came from one call of the backend:
     * {@link KvBackend#read}, {@link KvBackend#readMany} or {@link KvBackend#scan}. It has this
     * commit's id if one was given or already made, else one of its own when asked.
     *
     * @return the commit so noted
     * @see #readsFromOneCall()
     */
    public synchronized Commit withReadsFromOneCall() {
        return new Commit(id, reads, ranges, checks, rangeDeletes, writes, true);
    }

    /**
     * Whether all the commit's reads came from one call of the backend. A backend whose every
     * such call reads one consistent snapshot of committed data may then skip validating a
     * {@linkplain #isReadOnly() read-only} commit: its reads were consistent when made, as one
     * read by itself always is. Reads the backend served from a cache that may be out of date
     * still need validating.
     *
     * @return true when one call made every read, false when several did or it is not known
     */
    public boolean readsFromOneCall() {
        return readsFromOneCall;
    }

    /**
     * The commit's id: unique to this commit and the same on every attempt to send it, so that a
     * backend that stores it with the writes can tell later whether they were applied
     * ({@link Capability#RESOLVES_LOST_COMMITS}).
     *
     * @return the id
     */
    public synchronized UUID id() {
        if (id == null) {
            id = UUID.randomUUID();
        }
        return id;
    }

    /**
     * The point reads to validate.
     *
     * @return the reads, in no particular order
     */
    public List<PointRead> reads() {
        return reads;
    }

    /**
     * The range reads to validate.
     *
     * @return the ranges
     */
    public List<RangeRead> ranges() {
        return ranges;
    }

    /**
     * The versions the commit requires: unlike a read, a check that fails is not a conflict, as
     * running the transaction again cannot make it pass.
     *
     * @return the checks, in no particular order
     */
    public List<Check> checks() {
        return checks;
    }

    /**
     * The ranges whose entries the commit deletes, as they are when it is applied (an entry
     * written into a range by a concurrent commit that went first is deleted too). They are
     * applied before {@link #writes()}, so a write to a key inside such a range stands.
     *
     * @return the range deletions
     */
    public List<RangeDelete> rangeDeletes() {
        return rangeDeletes;
    }

    /**
     * The writes to apply, at most one per namespace and key.
     *
     * @return the writes
     */
    public List<Write> writes() {
        return writes;
    }

    /**
     * Whether the commit only validates.
     *
     * @return true when it has no writes and no range deletions
     */
    public boolean isReadOnly() {
        return writes.isEmpty() && rangeDeletes.isEmpty();
    }

    @Override
    public String toString() {
        return "Commit[" + id + ", " + reads.size() + " reads, " + ranges.size() + " ranges, "
                + checks.size() + " checks, " + rangeDeletes.size() + " range deletes, "
                + writes.size() + " writes]";
    }

    /**
     * A key read by the transaction, and the version it saw.
     *
     * @param namespace the function that owns the key
     * @param key the key
     * @param version the version seen, {@link KvBackend#MISSING} if the key had no entry
     */
    public record PointRead(String namespace, String key, long version) {

        /** Refuses a null namespace or key. */
        public PointRead {
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(key, "key");
        }

        /**
         * Creates a point read.
         *
         * @param namespace the function that owns the key
         * @param key the key
         * @param version the version seen, {@link KvBackend#MISSING} if the key had no entry
         * @return the read
         */
        public static PointRead of(String namespace, String key, long version) {
            return new PointRead(namespace, key, version);
        }

        @Override
        public String toString() {
            return "PointRead[" + Text.quote(namespace) + " " + Text.quote(key) + "@" + version
                    + "]";
        }
    }

    /**
     * A range scanned by the transaction, and every key and version it saw in it: the part of a
     * listing that its pages covered.
     *
     * @param namespace the function that owns the keys
     * @param range the keys covered
     * @param seen every entry the transaction saw in the range, in ascending key order
     */
    public record RangeRead(String namespace, KeyRange range, List<Seen> seen) {

        /** Refuses a null part, and copies the entries seen. */
        public RangeRead {
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(range, "range");
            seen = List.copyOf(seen);
        }

        /**
         * Creates a range read.
         *
         * @param namespace the function that owns the keys
         * @param range the keys covered
         * @param seen the entries seen, in key order
         * @return the read
         */
        public static RangeRead of(String namespace, KeyRange range, List<Seen> seen) {
            return new RangeRead(namespace, range, seen);
        }

        /**
         * Whether a key lies in this range.
         *
         * @param key a key of the same namespace
         * @return true if the range covers the key
         */
        public boolean covers(String key) {
            return range.covers(key);
        }

        @Override
        public String toString() {
            return "RangeRead[" + Text.quote(namespace) + " " + range + ", " + seen.size()
                    + " seen]";
        }
    }

    /**
     * A version a key must still have when the commit is applied.
     *
     * @param namespace the function that owns the key
     * @param key the key
     * @param version the version required, {@link KvBackend#MISSING} when the key must have no
     *     entry
     */
    public record Check(String namespace, String key, long version) {

        /** Refuses a null namespace or key. */
        public Check {
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(key, "key");
        }

        /**
         * Creates a check.
         *
         * @param namespace the function that owns the key
         * @param key the key
         * @param version the version the key must have, {@link KvBackend#MISSING} for none
         * @return the check
         */
        public static Check of(String namespace, String key, long version) {
            return new Check(namespace, key, version);
        }

        @Override
        public String toString() {
            return "Check[" + Text.quote(namespace) + " " + Text.quote(key) + "@" + version + "]";
        }
    }

    /**
     * The deletion of every entry of a range.
     *
     * @param namespace the function that owns the keys
     * @param range the keys to delete
     */
    public record RangeDelete(String namespace, KeyRange range) {

        /** Refuses a null namespace or range. */
        public RangeDelete {
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(range, "range");
        }

        /**
         * Creates a range deletion.
         *
         * @param namespace the function that owns the keys
         * @param range the keys to delete
         * @return the deletion
         */
        public static RangeDelete of(String namespace, KeyRange range) {
            return new RangeDelete(namespace, range);
        }

        @Override
        public String toString() {
            return "RangeDelete[" + Text.quote(namespace) + " " + range + "]";
        }
    }

    /**
     * A key seen in a range, with its version.
     *
     * @param key the key
     * @param version the version seen
     */
    public record Seen(String key, long version) {

        /** Refuses a null key. */
        public Seen {
            Objects.requireNonNull(key, "key");
        }

        /**
         * Creates a seen entry.
         *
         * @param key the key
         * @param version its version
         * @return the seen entry
         */
        public static Seen of(String key, long version) {
            return new Seen(key, version);
        }

        @Override
        public String toString() {
            return Text.quote(key) + "@" + version;
        }
    }

    /** A write: a new value for a key, its deletion, or a mutation of its number. */
    public static final class Write {

        /** What a write does. */
        public enum Kind {
            /** Sets the key to {@link Write#value()}. */
            PUT,
            /** Deletes the key's entry, if any. */
            DELETE,
            /** Applies {@link Write#mutation()} to the whole number the key holds. */
            MUTATE
        }

        private final String namespace;
        private final String key;
        private final byte[] value;
        private final Mutation mutation;

        private Write(String namespace, String key, byte[] value, Mutation mutation) {
            this.namespace = Objects.requireNonNull(namespace, "namespace");
            this.key = Objects.requireNonNull(key, "key");
            this.value = value;
            this.mutation = mutation;
        }

        /**
         * A write of a value.
         *
         * @param namespace the function that owns the key
         * @param key the key
         * @param value the new value as UTF-8 JSON bytes; not copied
         * @return the write
         */
        public static Write put(String namespace, String key, byte[] value) {
            return new Write(namespace, key, Objects.requireNonNull(value, "value"), null);
        }

        /**
         * The deletion of a key.
         *
         * @param namespace the function that owns the key
         * @param key the key
         * @return the write
         */
        public static Write delete(String namespace, String key) {
            return new Write(namespace, key, null, null);
        }

        /**
         * A mutation of the whole number a key holds, applied to its value at commit.
         *
         * @param namespace the function that owns the key
         * @param key the key
         * @param mutation the change
         * @return the write
         */
        public static Write mutate(String namespace, String key, Mutation mutation) {
            return new Write(namespace, key, null, Objects.requireNonNull(mutation, "mutation"));
        }

        /**
         * What the write does.
         *
         * @return its kind
         */
        public Kind kind() {
            return mutation != null ? Kind.MUTATE : value == null ? Kind.DELETE : Kind.PUT;
        }

        /**
         * The namespace.
         *
         * @return the function that owns the key
         */
        public String namespace() {
            return namespace;
        }

        /**
         * The key.
         *
         * @return the key
         */
        public String key() {
            return key;
        }

        /**
         * The new value as UTF-8 JSON bytes. The receiver must not change the array.
         *
         * @return the value of a {@link Kind#PUT}; null for the other kinds
         */
        public byte[] value() {
            return value;
        }

        /**
         * The mutation.
         *
         * @return the mutation of a {@link Kind#MUTATE}; null for the other kinds
         */
        public Mutation mutation() {
            return mutation;
        }

        /**
         * Whether this write deletes the entry.
         *
         * @return true for a {@link Kind#DELETE}
         */
        public boolean isDelete() {
            return kind() == Kind.DELETE;
        }

        @Override
        public String toString() {
            return "Write[" + Text.quote(namespace) + " " + Text.quote(key) + switch (kind()) {
                case PUT -> "=" + Text.quote(new String(value, StandardCharsets.UTF_8)) + "]";
                case DELETE -> " deleted]";
                case MUTATE -> " " + mutation + "]";
            };
        }
    }
}
