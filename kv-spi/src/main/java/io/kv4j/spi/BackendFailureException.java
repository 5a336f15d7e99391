package io.kv4j.spi;

/**
 * The storage failed in a way that running the call again will not mend: an error the backend
 * does not recognise, data it cannot read, a limit of the storage. Not transient. The call had no
 * effect; a commit that may have been applied is reported with
 * {@link BackendOutcomeUnknownException} instead.
 */
public class BackendFailureException extends BackendException {

    private static final long serialVersionUID = 1L;

    private final String sqlState;

    /**
     * Creates the exception.
     *
     * @param message what failed; without secrets
     * @param cause the underlying failure, or null
     */
    public BackendFailureException(String message, Throwable cause) {
        this(message, null, cause);
    }

    /**
     * Creates the exception with the SQLSTATE of the failure it reports.
     *
     * @param message what failed; without secrets
     * @param sqlState the five-character SQLSTATE the storage reported, or null when there is none
     * @param cause the underlying failure, or null
     */
    public BackendFailureException(String message, String sqlState, Throwable cause) {
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
