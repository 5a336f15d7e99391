package io.kv4j;

/**
 * The storage refuses the store's configuration: wrong credentials, a database or host that does
 * not exist, missing privileges, a schema this library cannot use. Not transient: it stays so
 * until the configuration or the storage changes. The message says what is wrong, never a
 * secret.
 */
public class KvConfigurationException extends KvNonTransientException {

    private static final long serialVersionUID = 1L;

    private final String sqlState;

    /**
     * Creates the exception.
     *
     * @param message what is wrong and how to mend it
     * @param cause the backend's report
     */
    public KvConfigurationException(String message, Throwable cause) {
        this(message, null, cause);
    }

    /**
     * Creates the exception with the SQLSTATE of the failure it reports.
     *
     * @param message what is wrong and how to mend it
     * @param sqlState the five-character SQLSTATE the backend reported, or null when there is none
     * @param cause the backend's report
     */
    public KvConfigurationException(String message, String sqlState, Throwable cause) {
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
