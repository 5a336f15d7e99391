package io.kv4j.spi;

/**
 * The storage could not be reached, or refused work for now, and the call had no effect.
 * Transient: the same call may succeed once the storage is back. For a commit this means it was
 * known not to have been applied; when that is not known, throw
 * {@link BackendOutcomeUnknownException} instead.
 */
public class BackendUnavailableException extends BackendException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, naming the host where known; without secrets
     * @param cause the underlying failure, or null
     */
    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@inheritDoc} True. */
    @Override
    public boolean isTransient() {
        return true;
    }
}
