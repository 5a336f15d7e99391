package io.kv4j;

/**
 * A request's {@linkplain Kv#check check} failed: the key was no longer at the versionstamp the
 * request required when it committed. Nothing of the request was written. Not transient:
 * {@link KvStore#run} does not run the request again, since the check is the caller's own (read
 * again, decide again).
 */
public class KvCheckException extends KvNonTransientException {

    private static final long serialVersionUID = 1L;

    private final String function;
    private final String key;
    private final String expected;
    private final String current;
    private final boolean currentKnown;

    /**
     * Creates the exception.
     *
     * @param message what failed
     * @param function the function whose key was checked
     * @param key the key
     * @param expected the versionstamp required, null for "must not exist"
     * @param current the key's versionstamp at commit, null when it had no entry or is unknown
     * @param currentKnown whether the backend told the key's state at commit
     * @param cause the backend's report, or null
     */
    public KvCheckException(String message, String function, String key, String expected,
            String current, boolean currentKnown, Throwable cause) {
        super(message, cause);
        this.function = function;
        this.key = key;
        this.expected = expected;
        this.current = current;
        this.currentKnown = currentKnown;
    }

    /**
     * The function whose key was checked.
     *
     * @return the function
     */
    public String function() {
        return function;
    }

    /**
     * The key that was checked.
     *
     * @return the key
     */
    public String key() {
        return key;
    }

    /**
     * The versionstamp the request required.
     *
     * @return the versionstamp, or null when the key had to be missing
     */
    public String expected() {
        return expected;
    }

    /**
     * The key's versionstamp when the request committed.
     *
     * @return the versionstamp; null when the key had no entry, or when
     *     {@link #isCurrentKnown()} is false
     */
    public String current() {
        return current;
    }

    /**
     * Whether the backend told what the key held at commit.
     *
     * @return true when {@link #current()} is the key's state (null meaning missing)
     */
    public boolean isCurrentKnown() {
        return currentKnown;
    }
}
