package io.kv4j;

import java.math.BigInteger;

/**
 * A function's view of its own namespace during one request: reads see the request's own writes,
 * and writes commit together when the request succeeds.
 *
 * <p>A {@code Kv} belongs to one thread and is valid only while its request (or nested call)
 * runs; afterwards every method throws {@link IllegalStateException}.
 */
public interface Kv extends KvReader {

    /**
     * Sets a value, overwriting any previous one. The value is serialised to JSON now: changing
     * the object afterwards does not change what is stored.
     *
     * @param key the key: 1 to 2,048 UTF-8 bytes, valid Unicode, no U+0000
     * @param value a JSON-serialisable value; null stores JSON null
     * @throws IllegalArgumentException for an invalid key, a value that is not JSON (a non-finite
     *     number, a cycle, an object without properties) or one over the size limit; nothing is
     *     written and the request may go on
     * @throws IllegalStateException when the request or store is finished
     */
    void set(String key, Object value);

    /**
     * Deletes a key. Deleting a missing key does nothing.
     *
     * @param key the key
     * @throws IllegalArgumentException for an invalid key
     * @throws IllegalStateException when the request or store is finished
     */
    void delete(String key);

    /**
     * Adds {@code n} to the JSON integer a key holds, at commit, to whatever the value is then.
     * It takes no read: two requests that sum the same key never conflict and never retry. A
     * missing key starts from 0. Exact, any size: a sum past {@link Long#MAX_VALUE} is stored as
     * is and reads back as a {@link BigInteger}. A value that is not a JSON integer fails the
     * commit with {@link KvMutationException}, and nothing of the request is written.
     *
     * <p>Several mutations of a key in one request apply in order; a {@link #set} after them
     * replaces them, and a mutation after a set applies to the set value. A read of the key later
     * in the request (a get, has, entry or listing) reads the committed value, applies the
     * mutations and returns the result; from then on the request depends on the key's value, as
     * with any read.
     *
     * @param key the key
     * @param n the number to add
     * @throws IllegalArgumentException for an invalid key
     * @throws KvMutationException when the key's value in this request is known not to be an
     *     integer (the request set it)
     * @throws IllegalStateException when the request or store is finished
     */
    default void sum(String key, long n) {
        sum(key, BigInteger.valueOf(n));
    }

    /**
     * Adds {@code n} to the JSON integer a key holds, at commit; see {@link #sum(String, long)}.
     *
     * @param key the key
     * @param n the number to add, at most 1,000 digits
     */
    void sum(String key, BigInteger n);

    /**
     * Keeps the smaller of the JSON integer a key holds and {@code n}, at commit, without a read;
     * a missing key becomes {@code n}. Otherwise as {@link #sum(String, long)}.
     *
     * @param key the key
     * @param n the number to compare with
     */
    default void min(String key, long n) {
        min(key, BigInteger.valueOf(n));
    }

    /**
     * Keeps the smaller of the JSON integer a key holds and {@code n}; see {@link #min(String,
     * long)}.
     *
     * @param key the key
     * @param n the number to compare with, at most 1,000 digits
     */
    void min(String key, BigInteger n);

    /**
     * Keeps the greater of the JSON integer a key holds and {@code n}, at commit, without a read;
     * a missing key becomes {@code n}. Otherwise as {@link #sum(String, long)}.
     *
     * @param key the key
     * @param n the number to compare with
     */
    default void max(String key, long n) {
        max(key, BigInteger.valueOf(n));
    }

    /**
     * Keeps the greater of the JSON integer a key holds and {@code n}; see {@link #max(String,
     * long)}.
     *
     * @param key the key
     * @param n the number to compare with, at most 1,000 digits
     */
    void max(String key, BigInteger n);

    /**
     * Makes the request commit only if a key still has a versionstamp when it commits, or is
     * still missing: optimistic concurrency across requests (read in one, write in a later one
     * only if unchanged). Otherwise the commit fails with {@link KvCheckException}, nothing is
     * written, and {@link KvStore#run} does not run the request again.
     *
     * @param key the key
     * @param versionstamp a {@link KvEntry#versionstamp()}, or null: the key must not exist
     * @throws IllegalArgumentException for an invalid key or a malformed versionstamp
     * @throws IllegalStateException when the key was already checked for another versionstamp in
     *     this request, or the request or store is finished
     */
    void check(String key, String versionstamp);

    /**
     * Deletes, at commit, every entry of a range as it is then: a key that a concurrent commit
     * wrote into the range before this one is deleted too, without a conflict. Atomic with the
     * rest of the request. Reads and listings later in the request see the range deleted; the
     * request's own later writes inside it stand. The range's prefix, bounds and cursor count; its
     * direction does not, and it may not have a limit.
     *
     * @param range the keys to delete
     * @throws IllegalArgumentException for an invalid prefix, bound or cursor, or a limit
     * @throws IllegalStateException when the request or store is finished
     */
    void deleteRange(KvRange range);

    /**
     * Deletes, at commit, every entry whose key starts with a prefix; see
     * {@link #deleteRange(KvRange)}.
     *
     * @param prefix plain characters; empty for every key of the function
     * @throws IllegalArgumentException for an invalid prefix
     * @throws IllegalStateException when the request or store is finished
     */
    default void deletePrefix(String prefix) {
        deleteRange(KvRange.prefix(prefix));
    }

    /**
     * Calls another function (or this one) inside this request. The callee reads and writes its
     * own namespace and sees this request's uncommitted writes. If its body throws, only the
     * callee's writes are discarded and the exception reaches the caller (a checked one wrapped in
     * {@link KvException}), who may catch it and still commit.
     *
     * @param function the function to call
     * @param request the callee's body
     * @param <T> the result type
     * @return the callee's result
     * @throws IllegalArgumentException for an invalid function name
     * @throws IllegalStateException when the call depth limit ({@code max-call-depth}) is reached,
     *     or the request or store is finished
     * @throws KvException wrapping a checked exception thrown by the callee
     */
    <T> T call(String function, KvRequest<T> request);
}
