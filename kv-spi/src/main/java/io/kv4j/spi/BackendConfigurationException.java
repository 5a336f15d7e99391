package io.kv4j.spi;

/**
 * The storage refuses this configuration: wrong credentials, a database or host that does not
 * exist, missing privileges, a schema this library cannot use. Not transient: it stays so until
 * the configuration or the storage is changed. The message names what is wrong (the host, the
 * database, the user, the missing right), never a secret.
 */
public class BackendConfigurationException extends BackendException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong and how to mend it; without secrets
     * @param cause the underlying failure, or null
     */
    public BackendConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@inheritDoc} False. */
    @Override
    public boolean isTransient() {
        return false;
    }
}
