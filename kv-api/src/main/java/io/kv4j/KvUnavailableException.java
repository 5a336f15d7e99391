package io.kv4j;

/**
 * The storage could not be reached, or refused work for now, and the request had no effect.
 * Transient: the same request may succeed once the storage is back. {@link KvStore#run} runs a
 * request again after it, as after a conflict, for up to {@code retry-timeout-ms}; thrown by
 * {@code run}, it means the storage stayed unreachable that long. An explicit transaction is the
 * caller's to retry.
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
