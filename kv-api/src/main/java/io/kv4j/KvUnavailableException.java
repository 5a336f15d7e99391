package io.kv4j;

/**
 * The storage could not be reached or failed. Transient: the same call may succeed later.
 * {@link KvStore#run} does not retry it, as the storage may stay down for long.
 */
public class KvUnavailableException extends KvException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed
     * @param cause the backend's report, or null
     */
    public KvUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@inheritDoc} True: the storage may come back. */
    @Override
    public boolean isTransient() {
        return true;
    }
}
