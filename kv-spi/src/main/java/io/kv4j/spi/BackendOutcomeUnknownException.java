package io.kv4j.spi;

/**
 * A commit was sent but its outcome could not be learnt: it was applied as a whole or not at
 * all, never in part. Not transient: running the transaction again could apply it twice. A
 * backend that declares {@link Capability#RESOLVES_LOST_COMMITS} throws it only when it could
 * not find out within its documented bound.
 */
public class BackendOutcomeUnknownException extends BackendException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was being committed and what failed; without secrets
     * @param cause the underlying failure, or null
     */
    public BackendOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@inheritDoc} False: the commit may have been applied. */
    @Override
    public boolean isTransient() {
        return false;
    }
}
