package io.kv4j;

/**
 * A failure that running the same request again does not mend, or where running it again could
 * do harm ({@link KvOutcomeUnknownException}).
 */
public abstract class KvNonTransientException extends KvException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed
     * @param cause the backend's report, or null
     */
    protected KvNonTransientException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@inheritDoc} False. */
    @Override
    public boolean isTransient() {
        return false;
    }
}
