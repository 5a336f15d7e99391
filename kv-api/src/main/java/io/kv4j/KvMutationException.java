package io.kv4j;

/**
 * A {@linkplain Kv#sum sum}, {@linkplain Kv#min min} or {@linkplain Kv#max max} found a value that
 * is not a JSON integer (a fraction, a string, an object, JSON null...). Nothing of the request
 * was written. Not transient: {@link KvStore#run} does not run the request again, since it would
 * fail the same way while the value stays.
 */
public class KvMutationException extends KvNonTransientException {

    private static final long serialVersionUID = 1L;

    private final String function;
    private final String key;

    /**
     * Creates the exception.
     *
     * @param message what failed, naming the value found
     * @param function the function whose key was mutated
     * @param key the key
     * @param cause the backend's report, or null
     */
    public KvMutationException(String message, String function, String key, Throwable cause) {
        super(message, cause);
        this.function = function;
        this.key = key;
    }

    /**
     * The function whose key was mutated.
     *
     * @return the function
     */
    public String function() {
        return function;
    }

    /**
     * The key whose value is not an integer.
     *
     * @return the key
     */
    public String key() {
        return key;
    }
}
