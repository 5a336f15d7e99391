package io.kv4j;

/**
 * An explicit transaction of one function, for callers that cannot wrap their work in
 * {@link KvStore#run}. Unlike {@code run}, a conflict is not retried: {@link #commit()} throws
 * {@link KvConflictException} and the caller decides.
 *
 * <pre>{@code
 * try (KvTransaction tx = store.begin("orders")) {
 *     tx.set("order/1", order);
 *     tx.commit();
 * }
 * }</pre>
 */
public interface KvTransaction extends Kv, AutoCloseable {

    /**
     * Commits every write atomically, after checking that nothing this transaction read has
     * changed since.
     *
     * @throws KvConflictException when a concurrent commit changed what this transaction read;
     *     nothing was written
     * @throws KvUnavailableException when the storage cannot be reached
     * @throws KvOutcomeUnknownException when the commit was sent but its outcome is unknown
     * @throws IllegalStateException when the transaction is already finished
     */
    void commit();

    /**
     * Discards every write.
     *
     * @throws IllegalStateException when the transaction is already finished
     */
    void rollback();

    /** Rolls back unless committed; does nothing when already finished. */
    @Override
    void close();
}
