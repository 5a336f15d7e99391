package io.kv4j.spi;

import java.util.List;

/**
 * What a transaction asks a backend to commit: the reads to validate and the writes to apply.
 *
 * @param reads the point reads to validate
 * @param ranges the range reads to validate
 * @param writes the writes to apply, at most one per namespace and key
 */
public record Commit(List<PointRead> reads, List<RangeRead> ranges, List<Write> writes) {

    /** Makes the lists immutable. */
    public Commit {
        reads = List.copyOf(reads);
        ranges = List.copyOf(ranges);
        writes = List.copyOf(writes);
    }

    /**
     * A key read by the transaction, and the version it saw.
     *
     * @param namespace the function that owns the key
     * @param key the key
     * @param version the version seen, {@link KvBackend#MISSING} if the key had no entry
     */
    public record PointRead(String namespace, String key, long version) {
    }

    /**
     * A range scanned by the transaction, and every key and version it saw in it.
     *
     * <p>The range covers the keys of {@code namespace} that start with {@code prefix}, are
     * greater than {@code startAfter} (when not null) and not greater than {@code endInclusive}
     * (when not null; null means to the end of the prefix).
     *
     * @param namespace the function that owns the keys
     * @param prefix the key prefix
     * @param startAfter the exclusive lower bound, or null
     * @param endInclusive the inclusive upper bound, or null for the end of the prefix
     * @param seen the entries seen, in key order
     */
    public record RangeRead(String namespace, String prefix, String startAfter, String endInclusive,
            List<Seen> seen) {

        /** Makes the list immutable. */
        public RangeRead {
            seen = List.copyOf(seen);
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
    }

    /**
     * A key seen in a range, with its version.
     *
     * @param key the key
     * @param version its version
     */
    public record Seen(String key, long version) {
    }

    /**
     * A write.
     *
     * @param namespace the function that owns the key
     * @param key the key
     * @param value the new value as UTF-8 JSON bytes, or {@code null} to delete the entry
     */
    public record Write(String namespace, String key, byte[] value) {

        /**
         * Whether this write deletes the entry.
         *
         * @return true for a delete
         */
        public boolean isDelete() {
            return value == null;
        }
    }
}
