package io.kv4j.spi;

/**
 * A commit's validation failed: a concurrent commit changed something the transaction read.
 * Nothing of the commit was written. Transient: running the transaction again may succeed.
 *
 * <p>A backend names what changed where it knows it: the namespace, and the key for a point read
 * (no key for a range). The request engine lets the requests that conflicted on the same key
 * run again one at a time, so that contention drains instead of repeating.
 */
public class BackendConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String namespace;
    private final String key;

    /**
     * Creates the exception without saying what changed.
     *
     * @param message what changed
     */
    public BackendConflictException(String message) {
        this(message, null, null, null);
    }

    /**
     * Creates the exception with a cause, such as a database serialization failure.
     *
     * @param message what changed
     * @param cause the underlying failure
     */
    public BackendConflictException(String message, Throwable cause) {
        this(message, null, null, cause);
    }

    /**
     * Creates the exception for a change in one place.
     *
     * @param message what changed, naming the namespace and key
     * @param namespace the namespace whose entry or range changed, or null when unknown
     * @param key the key whose entry changed; null for a range or when unknown
     * @param cause the underlying failure, or null
     */
    public BackendConflictException(String message, String namespace, String key,
            Throwable cause) {
        super(message, cause);
        this.namespace = namespace;
        this.key = key;
    }

    /**
     * The namespace in which a read changed.
     *
     * @return the namespace, or null when the backend does not know
     */
    public String namespace() {
        return namespace;
    }

    /**
     * The key whose entry changed.
     *
     * @return the key; null when a range changed or the backend does not know
     */
    public String key() {
        return key;
    }
}
