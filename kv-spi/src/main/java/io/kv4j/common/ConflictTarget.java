package io.kv4j.common;

/**
 * What of a transaction met the concurrent commit: a key it read, a range it listed, or a key it
 * wrote. A backend reports it where it knows it; the application reads it from
 * {@code KvConflictException.target()}.
 */
public enum ConflictTarget {
    /** A key the transaction read changed, appeared or disappeared. */
    POINT_READ,
    /** A key of a range the transaction listed changed, appeared or disappeared. */
    RANGE,
    /** A key the transaction wrote was written concurrently. */
    WRITE
}
