package io.kv4j;

/**
 * What {@link KvStore#execute} returns: the request's result and the versionstamp of its commit.
 *
 * @param <T> the result type
 */
public final class KvCommit<T> {

    private final T result;
    /** The commit's version; its versionstamp is spelled only when asked for. */
    private final long version;

    KvCommit(T result, long version) {
        this.result = result;
        this.version = version;
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
        return Versionstamps.of(version);
    }

    @Override
    public String toString() {
        return "KvCommit[" + result + ", " + versionstamp() + "]";
    }
}
