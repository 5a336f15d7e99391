package io.kv4j.spi;

/**
 * The base of the exceptions a backend throws to the request engine, which translates each into
 * the API's exception of the same meaning. Whether running the same call again may succeed is
 * told by the subclass: {@link BackendConflictException} and {@link BackendUnavailableException}
 * are transient; {@link BackendOutcomeUnknownException}, {@link BackendFailureException} and
 * {@link BackendConfigurationException} are not. A backend never throws this class itself.
 */
public abstract class BackendException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed; without secrets
     * @param cause the underlying failure, or null
     */
    protected BackendException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether the same call may succeed when made again.
     *
     * @return true for transient failures
     */
    public abstract boolean isTransient();
}
