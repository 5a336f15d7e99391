package io.kv4j.spi;

/**
 * The storage refuses this configuration: wrong credentials, a database or host that does not
 * exist, missing privileges, a schema this library cannot use. Not transient: it stays so until
 * the configuration or the storage is changed. The message names what is wrong (the host, the
 * database, the user, the missing right), never a secret.
 */
public class BackendConfigurationException extends BackendException {

    private static final long serialVersionUID = 1L;

    private final String sqlState;

    /**
     * Creates the exception.
     *
     * @param message what is wrong and how to mend it; without secrets
     * @param cause the underlying failure, or null
     */
    public BackendConfigurationException(String message, Throwable cause) {
        this(message, null, cause);
    }

    /**
     * Creates the exception with the SQLSTATE of the failure it reports.
     *
     * @param message what is wrong and how to mend it; without secrets
     * @param sqlState the five-character SQLSTATE the storage reported, or null when there is none
     * @param cause the underlying failure, or null
     */
    public BackendConfigurationException(String message, String sqlState, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
    }

    /**
     * The SQLSTATE of the failure, for code that handles SQL errors by their class (R2DBC's and
     * JDBC's {@code getSQLState()}).
     *
     * @return the five-character code, such as {@code 42501}; null when the storage reported none
     */
    public String sqlState() {
        return sqlState;
    }

    /** {@inheritDoc} False. */
    @Override
    public boolean isTransient() {
        return false;
    }
}
