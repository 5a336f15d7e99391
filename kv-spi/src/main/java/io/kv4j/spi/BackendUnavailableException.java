package io.kv4j.spi;

/**
 * The storage could not be reached or failed. Transient: the same call may succeed later.
 */
public class BackendUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean outcomeUnknown;

    /**
     * Creates the exception for a call whose effect is known not to have happened.
     *
     * @param message what failed; without secrets
     * @param cause the underlying failure, or null
     */
    public BackendUnavailableException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /**
     * Creates the exception.
     *
     * @param message what failed; without secrets
     * @param cause the underlying failure, or null
     * @param outcomeUnknown true when a commit was sent but its outcome could not be learnt: it was
     *     applied as a whole or not at all
     */
    public BackendUnavailableException(String message, Throwable cause, boolean outcomeUnknown) {
        super(message, cause);
        this.outcomeUnknown = outcomeUnknown;
    }

    /**
     * Whether a commit may have been applied.
     *
     * @return true when the outcome of a commit is unknown
     */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }
}
