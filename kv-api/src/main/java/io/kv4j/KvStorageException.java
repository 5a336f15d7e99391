package io.kv4j;

/**
 * The storage failed in a way that running the request again does not mend: an error the
 * backend does not recognise, data it cannot read, a limit of the storage, or a backend that
 * failed unexpectedly. Not transient. The request had no effect.
 */
public class KvStorageException extends KvNonTransientException {

    private static final long serialVersionUID = 1L;

    private final String sqlState;

    /**
     * Creates the exception.
     *
     * @param message what failed
     * @param cause the backend's report
     */
    public KvStorageException(String message, Throwable cause) {
        this(message, null, cause);
    }

    /**
     * Creates the exception with the SQLSTATE of the failure it reports.
     *
     * @param message what failed
     * @param sqlState the five-character SQLSTATE the backend reported, or null when there is none
     * @param cause the backend's report
     */
    public KvStorageException(String message, String sqlState, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
    }

    /**
     * The SQLSTATE of the failure, for code that handles SQL errors by their class (R2DBC's and
     * JDBC's {@code getSQLState()}).
     *
     * @return the five-character code, such as {@code 42501}; null when the backend reported none
     */
    public String sqlState() {
        return sqlState;
    }
}
