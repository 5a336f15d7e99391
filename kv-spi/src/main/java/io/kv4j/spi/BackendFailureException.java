package io.kv4j.spi;

/**
 * The storage failed in a way that running the call again will not mend: an error the backend
 * does not recognise, data it cannot read, a limit of the storage. Not transient. The call had no
 * effect; a commit that may have been applied is reported with
 * {@link BackendOutcomeUnknownException} instead.
 */
public class BackendFailureException extends BackendException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed; without secrets
     * @param cause the underlying failure, or null
     */
    public BackendFailureException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@inheritDoc} False. */
    @Override
    public boolean isTransient() {
        return false;
    }
}
