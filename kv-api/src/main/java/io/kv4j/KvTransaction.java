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
     * changed since and that every {@linkplain #check check} holds.
     *
     * @return the versionstamp of the commit, which every entry it wrote has; null when the
     *     transaction wrote nothing
     * @throws KvConflictException when a concurrent commit changed what this transaction read;
     *     nothing was written
     * @throws KvCheckException when a check failed; nothing was written
     * @throws KvMutationException when a mutation found a value that is not an integer; nothing
     *     was written
     * @throws KvUnavailableException when the storage cannot be reached
     * @throws KvOutcomeUnknownException when the commit was sent but its outcome is unknown
     * @throws IllegalStateException when the transaction is already finished
     */
    String commit();

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
