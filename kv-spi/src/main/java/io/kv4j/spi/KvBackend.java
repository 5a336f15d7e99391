package io.kv4j.spi;

import io.kv4j.common.Capability;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Open storage: the primitives a backend implements.
 *
 * <p>Entries live in namespaces (one per function). Each stored entry carries a version, a
 * positive number; a missing entry has version {@link #MISSING}. Versions follow the store's
 * commit order: every commit that writes gives all its writes one version, greater than the
 * version of every commit that returned before it began and of every commit whose writes it read;
 * a version is never given twice, so a key deleted and written again has a new one. Keys and
 * namespaces reaching a backend have already been validated: 1 to 2,048 UTF-8 bytes (a namespace at
 * most 256), valid Unicode, no U+0000.
 *
 * <p>Implementations must be safe for use by many threads at once. Reads return committed data
 * only and never block on a commit for longer than the commit takes. Every method may throw a
 * {@link BackendException} of kind {@code UNAVAILABLE}, {@code STORAGE} or
 * {@code CONFIGURATION}; methods called after {@link #close()} throw
 * {@link IllegalStateException}.
 */
public interface KvBackend extends AutoCloseable {

    /** The version of an entry that does not exist. */
    long MISSING = 0L;

    /**
     * What this storage offers beyond the primitives.
     *
     * @return the capabilities, such as {@link Capability#DURABLE}
     */
    Set<Capability> capabilities();

    /**
     * Reads one committed entry.
     *
     * @param namespace the function that owns the key
     * @param key the key
     * @return the entry with its value and version, or {@code null} when there is none
     * @throws BackendException a {@link BackendException.Kind#CONFLICT} when the backend can tell
     *     that the transaction this read belongs to can no longer commit
     */
    Entry read(String namespace, String key);

    /**
     * Reads committed entries of several keys of a namespace.
     *
     * <p>The entries need not be one snapshot, as the request engine validates every read when it
     * commits. The default reads the keys one by one; a backend that can read them together (one
     * round trip) should. One that reads them as one snapshot may skip validating a read-only
     * commit whose reads all came from this one call ({@link Commit#readsFromOneCall()}).
     *
     * @param namespace the function that owns the keys
     * @param keys the keys, distinct, at least one
     * @return one entry per key, in the order of {@code keys}; null for a key without an entry
     * @throws BackendException as for {@link #read}
     */
    default List<Entry> readMany(String namespace, List<String> keys) {
        List<Entry> entries = new ArrayList<>(keys.size());
        for (String key : keys) {
            entries.add(read(namespace, key));
        }
        return entries;
    }

    /**
     * Reads committed entries of a range of a namespace, in UTF-8 byte order of their keys (see
     * {@link KeyOrder}), ascending or, when {@code reverse}, descending.
     *
     * <p>Each entry returned must be committed; the page as a whole need not be one snapshot, as
     * the request engine validates every range it read when it commits.
     *
     * @param namespace the function that owns the keys
     * @param range the keys to read; it may be empty
     * @param reverse whether to return the last keys of the range first
     * @param limit the most entries to return, at least 1
     * @return at most {@code limit} entries: the first of the range in the order asked for;
     *     fewer than {@code limit} only when the range holds no more
     * @throws BackendException as for {@link #read}
     */
    List<Entry> scan(String namespace, KeyRange range, boolean reverse, int limit);

    /**
     * Atomically validates what a transaction read and applies its writes.
     *
     * <p>The backend must check, as one atomic step with applying the writes, that every
     * {@linkplain Commit#reads() point read} still has the version it had when read and that every
     * {@linkplain Commit#ranges() range read} still holds exactly the keys and versions it held.
     * If any check fails nothing is written and a conflict is thrown
     * ({@link BackendException#readChanged}, {@link BackendException#rangeChanged}).
     * In the same atomic step every {@linkplain Commit#checks() check} must find its key at the
     * version it names, or nothing is written and {@link BackendException#checkFailed} is thrown
     * (before any conflict: running the transaction again cannot help). Otherwise the
     * {@linkplain Commit#rangeDeletes() range deletions} are applied to the entries as they are
     * then, and after them every write: a {@linkplain Commit.Write.Kind#MUTATE mutation} to the
     * value its key holds at that moment, or {@link BackendException#notAnInteger} with nothing
     * written when that value is not a whole number. All the changes get one new version (a range
     * deletion that removed entries changes the version of their keys to "missing", so that a
     * transaction that read them conflicts), and they become visible to every later read all at
     * once: never in part, and never some writes of the batch without the others, even after a
     * crash. A commit with no writes only validates: it is how a
     * read-only transaction vouches for what it read. A backend whose reads always return the
     * latest committed entry may accept a commit of one point read, no range and no writes
     * without checking it, since one such read is consistent by itself.
     *
     * <p>When the storage's answer is lost after the commit was sent, a backend that declares
     * {@link Capability#RESOLVES_LOST_COMMITS} finds out through the commit's
     * {@linkplain Commit#id() id} whether it was applied: it returns normally when it was, and
     * throws {@link BackendException#unavailable} when it was not. Only when it cannot find out
     * within its documented bound, and always for a backend without the capability, it throws
     * {@link BackendException#outcomeUnknown}.
     *
     * @param commit the checks and writes
     * @return the version given to the writes, or 0 for a commit without writes
     * @throws BackendException a {@link BackendException.Kind#CONFLICT} when a read changed,
     *     {@link BackendException.Kind#CHECK_FAILED} when a check failed,
     *     {@link BackendException.Kind#NOT_AN_INTEGER} when a mutation found no whole number
     *     (nothing was written in each case); {@link BackendException.Kind#UNAVAILABLE} when the storage cannot
     *     be reached and the commit is known not to be applied;
     *     {@link BackendException.Kind#OUTCOME_UNKNOWN} when the commit was sent and may or may
     *     not have been applied, as a whole
     */
    long commit(Commit commit);

    /**
     * Lists the namespaces that hold at least one entry, in {@link KeyOrder}, strictly after
     * {@code startAfter}.
     *
     * @param startAfter the exclusive lower bound, or {@code null} for the first
     * @param limit the most names to return, at least 1
     * @return at most {@code limit} names; fewer only when no more follow
     */
    List<String> namespaces(String startAfter, int limit);

    /**
     * Deletes every entry of a namespace, as one commit: atomically, and so that a concurrent
     * transaction that read any entry of the namespace, or listed any of its ranges, and commits
     * after it conflicts. Deleting an empty namespace does nothing.
     *
     * @param namespace the namespace
     * @return how many entries were deleted
     */
    long deleteNamespace(String namespace);

    /**
     * Checks that the storage can be used now, for a health check: one cheap round trip, or
     * nothing for storage in this process. Returns what an operator would want to see beside
     * "up", such as the schema version or the pool's state, with plain values (strings, numbers,
     * booleans). The default lists one namespace.
     *
     * @return details, possibly empty, in a stable order
     * @throws BackendException {@link BackendException.Kind#UNAVAILABLE} when the storage cannot
     *     be reached, {@link BackendException.Kind#CONFIGURATION} when it is reachable but
     *     unusable as configured
     */
    default Map<String, Object> check() {
        namespaces(null, 1);
        return Map.of();
    }

    /**
     * Releases the storage's resources. Later calls to other methods throw
     * {@link IllegalStateException}. Closing twice is allowed.
     */
    @Override
    void close();
}
