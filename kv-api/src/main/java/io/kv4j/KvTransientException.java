package io.kv4j;

/**
 * A failure that may go away: running the same request again may succeed. Nothing of the failed
 * request was written.
 */
public abstract class KvTransientException extends KvException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed
     * @param cause the backend's report, or null
     */
    protected KvTransientException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@inheritDoc} True. */
    @Override
    public boolean isTransient() {
        return true;
    }
}
