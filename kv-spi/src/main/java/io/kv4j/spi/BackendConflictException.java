package io.kv4j.spi;

/**
 * A commit's validation failed: a concurrent commit changed something the transaction read.
 * Nothing of the commit was written. Transient: running the transaction again may succeed. A
 * read may throw it too, from a backend whose reads can tell that the transaction can no longer
 * commit.
 *
 * <p>A backend names what changed where it knows it: the namespace, and the key for a point read
 * (no key for a range), and why. The request engine lets the requests that conflicted on the same
 * key run again one at a time, so that contention drains instead of repeating, and counts
 * conflicts by reason.
 */
public class BackendConflictException extends BackendException {

    private static final long serialVersionUID = 1L;

    /** Why a commit conflicted. */
    public enum Reason {
        /** A version the transaction read is no longer the current one. */
        CHANGED,
        /** The storage could not order the transaction with concurrent ones (SQLSTATE 40001). */
        SERIALIZATION_FAILURE,
        /** The storage broke a cycle of waiting transactions (SQLSTATE 40P01). */
        DEADLOCK
    }

    private final String namespace;
    private final String key;
    private final Reason reason;

    /**
     * Creates the exception for a read that changed.
     *
     * @param message what changed, naming the namespace and key
     * @param namespace the namespace whose entry or range changed, or null when unknown
     * @param key the key whose entry changed; null for a range or when unknown
     */
    public BackendConflictException(String message, String namespace, String key) {
        this(message, Reason.CHANGED, namespace, key, null);
    }

    /**
     * Creates the exception.
     *
     * @param message what conflicted
     * @param reason why
     * @param namespace the namespace where it happened, or null when unknown
     * @param key the key, or null for a range or when unknown
     * @param cause the underlying failure, or null
     */
    public BackendConflictException(String message, Reason reason, String namespace, String key,
            Throwable cause) {
        super(message, cause);
        this.reason = java.util.Objects.requireNonNull(reason, "reason");
        this.namespace = namespace;
        this.key = key;
    }

    /**
     * Why the commit conflicted.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }

    /**
     * The namespace in which a read changed.
     *
     * @return the namespace, or null when the backend does not know
     */
    public String namespace() {
        return namespace;
    }

    /**
     * The key whose entry changed.
     *
     * @return the key; null when a range changed or the backend does not know
     */
    public String key() {
        return key;
    }

    /** {@inheritDoc} True. */
    @Override
    public boolean isTransient() {
        return true;
    }
}
