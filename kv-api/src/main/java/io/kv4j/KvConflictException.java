package io.kv4j;

/**
 * A concurrent commit changed what a transaction read, so it cannot commit. Nothing of it was
 * written. Transient: {@link KvStore#run} runs the request again.
 */
public class KvConflictException extends KvException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what conflicted
     * @param cause the backend's report, or null
     */
    public KvConflictException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@inheritDoc} Always true. */
    @Override
    public boolean isTransient() {
        return true;
    }
}
