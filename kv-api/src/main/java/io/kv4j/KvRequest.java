package io.kv4j;

/**
 * The body of a request: what a function does with its {@link Kv}.
 *
 * <p>A body may run more than once when a concurrent commit conflicts with it (see
 * {@link KvStore#run}), so effects outside the {@code Kv} should be idempotent.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface KvRequest<T> {

    /**
     * Runs the request.
     *
     * @param kv the function's view of its namespace, valid only during this call
     * @return the result handed back to the caller
     * @throws Exception to roll back every write of this request
     */
    T apply(Kv kv) throws Exception;
}
