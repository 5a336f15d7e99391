package io.kv4j.spi;

import java.util.List;

/**
 * Open storage: the primitives a backend implements.
 *
 * <p>Entries live in namespaces (one per function). Each stored entry carries a version, a positive
 * number that changes every time the entry is written, and is never reused for the same key while
 * the storage exists; a missing entry has version {@link #MISSING}. Keys and namespaces reaching a
 * backend have already been validated: 1 to 2,048 UTF-8 bytes, valid Unicode, no U+0000.
 *
 * <p>Implementations must be safe for use by many threads at once. Reads return committed data only
 * and never block on a commit for longer than the commit takes.
 */
public interface KvBackend extends AutoCloseable {

    /** The version of an entry that does not exist. */
    long MISSING = 0L;

    /**
     * Reads one committed entry.
     *
     * @param namespace the function that owns the key
     * @param key the key
     * @return the entry with its value and version, or {@code null} when there is none
     * @throws BackendUnavailableException when the storage cannot be reached
     */
    Entry read(String namespace, String key);

    /**
     * Reads committed entries of a namespace whose keys start with {@code prefix}, in UTF-8 byte
     * order of their keys (see {@link KeyOrder}), strictly after {@code startAfter}.
     *
     * <p>Each entry returned must be committed; the page as a whole need not be one snapshot, as
     * the request engine validates every range it read when it commits.
     *
     * @param namespace the function that owns the keys
     * @param prefix the key prefix, compared as plain characters (no wildcards); empty for all
     * @param startAfter the exclusive lower bound, or {@code null} to start at the prefix
     * @param limit the most entries to return, at least 1
     * @return at most {@code limit} entries; fewer than {@code limit} only when the range holds no
     *     more
     * @throws BackendUnavailableException when the storage cannot be reached
     */
    List<Entry> scan(String namespace, String prefix, String startAfter, int limit);

    /**
     * Atomically validates what a transaction read and applies its writes.
     *
     * <p>The backend must check, as one atomic step with applying the writes, that every
     * {@linkplain Commit#reads() point read} still has the version it had when read and that every
     * {@linkplain Commit#ranges() range read} still holds exactly the keys and versions it held. If
     * any check fails nothing is written and {@link BackendConflictException} is thrown. Otherwise
     * every write is applied, each written entry gets a new version, and the change becomes
     * visible to every later read all at once: never in part, and never some writes of the batch
     * without the others, even after a crash. A commit with no writes only validates: it is
     * how a read-only transaction vouches for what it read. A backend whose reads always return
     * the latest committed entry (no cache) may accept a commit of one point read, no range and no
     * writes without checking it, since one such read is consistent by itself.
     *
     * @param commit the checks and writes
     * @throws BackendConflictException when a check failed; nothing was written
     * @throws BackendUnavailableException when the storage cannot be reached; with
     *     {@link BackendUnavailableException#outcomeUnknown()} when the commit may or may not
     *     have been applied (as a whole)
     */
    void commit(Commit commit);

    /**
     * Whether a commit that returned survives a crash of the application and a restart of the
     * storage.
     *
     * @return true for durable storage; false, the default, for storage such as memory
     */
    default boolean durable() {
        return false;
    }

    /**
     * Releases the storage's resources. Later calls to other methods throw
     * {@link IllegalStateException}. Closing twice is allowed.
     */
    @Override
    void close();
}
