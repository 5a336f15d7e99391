package io.kv4j;

import io.kv4j.common.ConflictReason;
import io.kv4j.common.ConflictTarget;
import java.util.Objects;

/**
 * A concurrent commit changed what a transaction read, so it cannot commit. Nothing of it was
 * written. Transient: {@link KvStore#run} runs the request again, until {@code retry-timeout-ms}.
 * It names what conflicted where the backend knows it: the function, the key (none for a range),
 * whether it was a point read, a range or a write, and why.
 */
public class KvConflictException extends KvTransientException {

    private static final long serialVersionUID = 1L;

    private final String function;
    private final String key;
    private final ConflictTarget target;
    private final ConflictReason reason;

    /**
     * Creates the exception for a read that changed, where nothing more is known.
     *
     * @param message what conflicted
     * @param cause the underlying report, or null
     */
    public KvConflictException(String message, Throwable cause) {
        this(message, null, null, null, ConflictReason.CHANGED, cause);
    }

    /**
     * Creates the exception.
     *
     * @param message what conflicted
     * @param function the function whose data conflicted, or null when unknown
     * @param key the key, or null for a range or when unknown
     * @param target what conflicted, or null when unknown
     * @param reason why
     * @param cause the underlying report, or null
     */
    public KvConflictException(String message, String function, String key, ConflictTarget target,
            ConflictReason reason, Throwable cause) {
        super(message, cause);
        this.function = function;
        this.key = key;
        this.target = target;
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * The function whose data conflicted.
     *
     * @return the function, or null when the backend did not say
     */
    public String function() {
        return function;
    }

    /**
     * The key that conflicted.
     *
     * @return the key; null for a range, or when the backend did not say
     */
    public String key() {
        return key;
    }

    /**
     * What of the transaction conflicted: a point read, a range or a write.
     *
     * @return the target, or null when the backend did not say (as for a serialization failure
     *     that the storage reported without naming a key)
     */
    public ConflictTarget target() {
        return target;
    }

    /**
     * Why the commit conflicted.
     *
     * @return the reason
     */
    public ConflictReason reason() {
        return reason;
    }
}
