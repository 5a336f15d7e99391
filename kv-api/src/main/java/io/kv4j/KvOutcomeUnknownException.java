package io.kv4j;

/**
 * A commit was sent but its outcome could not be learnt: it was applied as a whole or not at all,
 * never in part. Not transient: running the request again could apply it twice, so neither
 * {@link KvStore#run} nor the caller should retry it blindly. A backend that can look a lost
 * commit up (such as PostgreSQL) reports this only when the storage stayed unreachable past its
 * documented bound.
 */
public class KvOutcomeUnknownException extends KvNonTransientException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was being committed
     * @param cause the backend's report
     */
    public KvOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
