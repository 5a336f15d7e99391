package io.kv4j.common;

/**
 * What a backend's storage offers beyond the primitives every backend has. A backend declares
 * its capabilities through {@link KvBackend#capabilities()}; the request engine, the
 * compatibility kit and applications read them from there. Later versions of the SPI add
 * constants here (such as expiry or watching keys); a backend that does not know them simply
 * does not declare them.
 */
public enum Capability {

    /** A commit that returned survives a crash of the application and a restart of the storage. */
    DURABLE,

    /** Stores opened on the same URL in other processes share the data. */
    SHARED_ACROSS_PROCESSES,

    /**
     * Each store opened has storage of its own, shared with no other store, even in this JVM
     * ({@code kv:memory:}). Without it, stores opened on the same URL in one JVM share the data.
     */
    PRIVATE_TO_STORE,

    /**
     * When the answer to a commit is lost, the backend finds out by the commit's
     * {@linkplain Commit#id() id} whether it was applied, within a bound it documents, instead of
     * reporting the outcome unknown at once (see {@link KvBackend#commit}).
     */
    RESOLVES_LOST_COMMITS
}
