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

    private final UUID id;
    private final List<PointRead> reads;
    private final List<RangeRead> ranges;
    private final List<Write> writes;

    private Commit(UUID id, List<PointRead> reads, List<RangeRead> ranges, List<Write> writes) {
        this.id = id;
        this.reads = reads;
        this.ranges = ranges;
        this.writes = writes;
    }

    /**
     * Creates a commit with a fresh random id.
     *
     * @param reads the point reads to validate
     * @param ranges the range reads to validate
     * @param writes the writes to apply, at most one per namespace and key
     * @return the commit
     */
    public static Commit of(List<PointRead> reads, List<RangeRead> ranges, List<Write> writes) {
        return of(UUID.randomUUID(), reads, ranges, writes);
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
        return new Commit(Objects.requireNonNull(id, "id"), List.copyOf(reads),
                List.copyOf(ranges), List.copyOf(writes));
    }

    /**
     * The commit's id: unique to this commit and the same on every attempt to send it, so that a
     * backend that stores it with the writes can tell later whether they were applied
     * ({@link Capability#RESOLVES_LOST_COMMITS}).
     *
     * @return the id
     */
    public UUID id() {
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
     * @return true when it has no writes
     */
    public boolean isReadOnly() {
        return writes.isEmpty();
    }

    @Override
    public String toString() {
        return "Commit[" + id + ", " + reads.size() + " reads, " + ranges.size() + " ranges, "
                + writes.size() + " writes]";
    }

    /** A key read by the transaction, and the version it saw. */
    public static final class PointRead {

        private final String namespace;
        private final String key;
        private final long version;

        private PointRead(String namespace, String key, long version) {
            this.namespace = namespace;
            this.key = key;
            this.version = version;
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
            return new PointRead(Objects.requireNonNull(namespace, "namespace"),
                    Objects.requireNonNull(key, "key"), version);
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
         * The version the transaction saw.
         *
         * @return the version, {@link KvBackend#MISSING} if the key had no entry
         */
        public long version() {
            return version;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PointRead r && r.version == version
                    && r.namespace.equals(namespace) && r.key.equals(key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(namespace, key, version);
        }

        @Override
        public String toString() {
            return "PointRead[" + Text.quote(namespace) + " " + Text.quote(key) + "@" + version
                    + "]";
        }
    }

    /**
     * A range scanned by the transaction, and every key and version it saw in it.
     *
     * <p>The range covers the keys of {@code namespace} that start with {@code prefix}, are
     * greater than {@code startAfter} (when not null) and not greater than {@code endInclusive}
     * (when not null; null means to the end of the prefix), in {@link KeyOrder}.
     */
    public static final class RangeRead {

        private final String namespace;
        private final String prefix;
        private final String startAfter;
        private final String endInclusive;
        private final List<Seen> seen;

        private RangeRead(String namespace, String prefix, String startAfter,
                String endInclusive, List<Seen> seen) {
            this.namespace = namespace;
            this.prefix = prefix;
            this.startAfter = startAfter;
            this.endInclusive = endInclusive;
            this.seen = seen;
        }

        /**
         * Creates a range read.
         *
         * @param namespace the function that owns the keys
         * @param prefix the key prefix
         * @param startAfter the exclusive lower bound, or null
         * @param endInclusive the inclusive upper bound, or null for the end of the prefix
         * @param seen the entries seen, in key order
         * @return the read
         */
        public static RangeRead of(String namespace, String prefix, String startAfter,
                String endInclusive, List<Seen> seen) {
            return new RangeRead(Objects.requireNonNull(namespace, "namespace"),
                    Objects.requireNonNull(prefix, "prefix"), startAfter, endInclusive,
                    List.copyOf(seen));
        }

        /**
         * The namespace.
         *
         * @return the function that owns the keys
         */
        public String namespace() {
            return namespace;
        }

        /**
         * The key prefix.
         *
         * @return the prefix, empty for every key
         */
        public String prefix() {
            return prefix;
        }

        /**
         * The exclusive lower bound.
         *
         * @return the bound, or null to start at the prefix
         */
        public String startAfter() {
            return startAfter;
        }

        /**
         * The inclusive upper bound.
         *
         * @return the bound, or null for the end of the prefix
         */
        public String endInclusive() {
            return endInclusive;
        }

        /**
         * Every entry the transaction saw in the range.
         *
         * @return the keys and versions, in key order
         */
        public List<Seen> seen() {
            return seen;
        }

        /**
         * Whether a key lies in this range.
         *
         * @param key a key of the same namespace
         * @return true if the range covers the key
         */
        public boolean covers(String key) {
            return key.startsWith(prefix)
                    && (startAfter == null || KeyOrder.compare(key, startAfter) > 0)
                    && (endInclusive == null || KeyOrder.compare(key, endInclusive) <= 0);
        }

        @Override
        public String toString() {
            return "RangeRead[" + Text.quote(namespace) + " prefix " + Text.quote(prefix)
                    + (startAfter == null ? "" : " after " + Text.quote(startAfter))
                    + (endInclusive == null ? "" : " to " + Text.quote(endInclusive)) + ", "
                    + seen.size() + " seen]";
        }
    }

    /** A key seen in a range, with its version. */
    public static final class Seen {

        private final String key;
        private final long version;

        private Seen(String key, long version) {
            this.key = key;
            this.version = version;
        }

        /**
         * Creates a seen entry.
         *
         * @param key the key
         * @param version its version
         * @return the seen entry
         */
        public static Seen of(String key, long version) {
            return new Seen(Objects.requireNonNull(key, "key"), version);
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
         * The version seen.
         *
         * @return the version
         */
        public long version() {
            return version;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Seen s && s.version == version && s.key.equals(key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(key, version);
        }

        @Override
        public String toString() {
            return Text.quote(key) + "@" + version;
        }
    }

    /** A write: a new value for a key, or its deletion. */
    public static final class Write {

        private final String namespace;
        private final String key;
        private final byte[] value;

        private Write(String namespace, String key, byte[] value) {
            this.namespace = namespace;
            this.key = key;
            this.value = value;
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
            return new Write(Objects.requireNonNull(namespace, "namespace"),
                    Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        }

        /**
         * The deletion of a key.
         *
         * @param namespace the function that owns the key
         * @param key the key
         * @return the write
         */
        public static Write delete(String namespace, String key) {
            return new Write(Objects.requireNonNull(namespace, "namespace"),
                    Objects.requireNonNull(key, "key"), null);
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
         * @return the value, or null for a deletion
         */
        public byte[] value() {
            return value;
        }

        /**
         * Whether this write deletes the entry.
         *
         * @return true for a delete
         */
        public boolean isDelete() {
            return value == null;
        }

        @Override
        public String toString() {
            return "Write[" + Text.quote(namespace) + " " + Text.quote(key) + (value == null
                    ? " deleted]" : "=" + Text.quote(new String(value, StandardCharsets.UTF_8)) + "]");
        }
    }
}
