package io.kv4j.common;

/**
 * Why a commit conflicted. A backend reports it, and the application reads it from
 * {@code KvConflictException.reason()} and from the meters of conflicts.
 */
public enum ConflictReason {
    /** A version the transaction read is no longer the current one. */
    CHANGED,
    /** The storage could not order the transaction with concurrent ones (SQLSTATE 40001). */
    SERIALIZATION_FAILURE,
    /** The storage broke a cycle of transactions waiting for each other (SQLSTATE 40P01). */
    DEADLOCK
}
