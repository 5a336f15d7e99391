package io.kv4j;

/**
 * The base of kv4j's exceptions; also wraps a checked exception thrown by a request body.
 */
public class KvException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and where
     */
    public KvException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what went wrong and where
     * @param cause the original exception
     */
    public KvException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether trying again may succeed.
     *
     * @return true for transient failures
     */
    public boolean isTransient() {
        return false;
    }
}
