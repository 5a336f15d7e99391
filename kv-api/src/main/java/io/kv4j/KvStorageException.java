package io.kv4j;

/**
 * The storage failed in a way that running the request again does not mend: an error the
 * backend does not recognise, data it cannot read, a limit of the storage, or a backend that
 * failed unexpectedly. Not transient. The request had no effect.
 */
public class KvStorageException extends KvNonTransientException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed
     * @param cause the backend's report
     */
    public KvStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
