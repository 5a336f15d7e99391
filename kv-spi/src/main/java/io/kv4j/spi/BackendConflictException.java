package io.kv4j.spi;

/**
 * A commit's validation failed: a concurrent commit changed something the transaction read.
 * Nothing of the commit was written. Transient: running the transaction again may succeed.
 */
public class BackendConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what changed, naming the namespace and key where known
     */
    public BackendConflictException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause, such as a database serialization failure.
     *
     * @param message what changed
     * @param cause the underlying failure
     */
    public BackendConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
