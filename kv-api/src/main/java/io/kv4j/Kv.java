package io.kv4j;

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
