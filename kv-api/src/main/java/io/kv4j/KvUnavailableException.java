package io.kv4j;

/**
 * The storage could not be reached, or refused work for now, and the request had no effect.
 * Transient: the same request may succeed once the storage is back. {@link KvStore#run} does not
 * retry it, as the storage may stay down for long; a backend waits out short outages itself
 * within its documented timeouts.
 */
public class KvUnavailableException extends KvTransientException {

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
}
