package io.kv4j;

/**
 * The storage refuses the store's configuration: wrong credentials, a database or host that does
 * not exist, missing privileges, a schema this library cannot use. Not transient: it stays so
 * until the configuration or the storage changes. The message says what is wrong, never a
 * secret.
 */
public class KvConfigurationException extends KvNonTransientException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong and how to mend it
     * @param cause the backend's report
     */
    public KvConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
