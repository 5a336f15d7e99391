package io.kv4j;

/**
 * What {@link KvStore#execute} returns: the request's result and the versionstamp of its commit.
 *
 * @param <T> the result type
 */
public final class KvCommit<T> {

    private final T result;
    private final String versionstamp;

    KvCommit(T result, String versionstamp) {
        this.result = result;
        this.versionstamp = versionstamp;
    }

    /**
     * What the request returned.
     *
     * @return the result
     */
    public T result() {
        return result;
    }

    /**
     * The versionstamp of the commit: every entry the request wrote has it (see
     * {@link KvEntry#versionstamp()}).
     *
     * @return the versionstamp, or null when the request wrote nothing
     */
    public String versionstamp() {
        return versionstamp;
    }

    @Override
    public String toString() {
        return "KvCommit[" + result + ", " + versionstamp + "]";
    }
}
