package io.kv4j;

/**
 * A commit was sent but the connection was lost before its outcome was known: it was applied as a
 * whole or not at all, never in part. Not transient: running the request again could apply it
 * twice, so neither {@link KvStore#run} nor the caller should retry blindly.
 */
public class KvOutcomeUnknownException extends KvUnavailableException {

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

    /** {@inheritDoc} False: the commit may have been applied. */
    @Override
    public boolean isTransient() {
        return false;
    }
}
