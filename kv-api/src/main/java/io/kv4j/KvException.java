package io.kv4j;

/**
 * The base of kv4j's exceptions; also wraps a checked exception thrown by a request body.
 *
 * <p>Failures of the storage come as one of two kinds, as in R2DBC: {@link KvTransientException}
 * (a conflict, storage unreachable: the same request may succeed when run again) and
 * {@link KvNonTransientException} (an unknown outcome, a failing storage, a refused
 * configuration: running it again does not help, or could do harm). Bad arguments are
 * {@link IllegalArgumentException}, use of a finished transaction or a closed store
 * {@link IllegalStateException}.
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
     * Whether running the same request again may succeed.
     *
     * @return true for {@link KvTransientException}s; false for the others, and for a wrapped
     *     exception of a request body
     */
    public boolean isTransient() {
        return false;
    }
}
