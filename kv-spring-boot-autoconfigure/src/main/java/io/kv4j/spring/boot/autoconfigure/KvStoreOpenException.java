package io.kv4j.spring.boot.autoconfigure;

/**
 * The auto-configured store could not open: the message names {@code kv.url} with its secrets
 * masked and what kv4j reported; {@link #action()} says what to change.
 */
final class KvStoreOpenException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String action;

    KvStoreOpenException(String message, String action, Throwable cause) {
        super(message, cause);
        this.action = action;
    }

    /** What to change, for the report Spring Boot prints when startup fails. */
    String action() {
        return action;
    }
}
