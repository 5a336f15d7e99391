package io.kv4j;

/**
 * A concurrent commit changed what a transaction read, so it cannot commit. Nothing of it was
 * written. Transient: {@link KvStore#run} runs the request again, until {@code retry-timeout-ms}.
 */
public class KvConflictException extends KvTransientException {

    private static final long serialVersionUID = 1L;

    /** Why a commit conflicted. */
    public enum Reason {
        /** A version the transaction read is no longer the current one. */
        CHANGED,
        /** The storage could not order the transaction with concurrent ones. */
        SERIALIZATION_FAILURE,
        /** The storage broke a cycle of transactions waiting for each other. */
        DEADLOCK
    }

    private final Reason reason;

    /**
     * Creates the exception for a read that changed.
     *
     * @param message what conflicted
     * @param cause the backend's report, or null
     */
    public KvConflictException(String message, Throwable cause) {
        this(message, Reason.CHANGED, cause);
    }

    /**
     * Creates the exception.
     *
     * @param message what conflicted
     * @param reason why
     * @param cause the backend's report, or null
     */
    public KvConflictException(String message, Reason reason, Throwable cause) {
        super(message, cause);
        this.reason = java.util.Objects.requireNonNull(reason, "reason");
    }

    /**
     * Why the commit conflicted.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
