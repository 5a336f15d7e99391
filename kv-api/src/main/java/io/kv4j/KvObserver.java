package io.kv4j;

import io.kv4j.common.ConflictReason;

/**
 * Hears how requests and commits end, to count and time them: the one hook for metrics and
 * tracing. Set it with {@link KvStoreBuilder#observer}. Its methods are called on the thread of
 * the request, right after the event; they must be quick and must not throw (what they throw is
 * ignored).
 */
public interface KvObserver {

    /** How a request or a commit ended. */
    enum Outcome {
        /** Committed. */
        COMMITTED,
        /** Refused: a read changed ({@link KvConflictException}). */
        CONFLICT,
        /** The storage was unreachable; nothing was written ({@link KvUnavailableException}). */
        UNAVAILABLE,
        /** The storage's answer was lost; applied wholly or not at all. */
        OUTCOME_UNKNOWN,
        /** Anything else: the body threw, the storage failed, a bad argument. */
        FAILED
    }

    /**
     * A commit ended: of an attempt of {@link KvStore#run}, of a reader call, or of an explicit
     * transaction. Read-only attempts whose reads needed no check end without one.
     *
     * @param function the function whose request committed
     * @param outcome how it ended
     * @param reason why it conflicted, for {@link Outcome#CONFLICT}; otherwise null
     * @param writes how many keys it wrote or deleted
     * @param nanos how long the backend took
     */
    default void commitEnded(String function, Outcome outcome, ConflictReason reason,
            int writes, long nanos) {
    }

    /**
     * A request of {@link KvStore#run} (or a reader call) ended.
     *
     * @param function the function
     * @param outcome how it ended: {@link Outcome#CONFLICT} when it gave up on conflicts
     * @param attempts how many times its body ran, at least 1
     * @param nanos how long it took, retries included
     */
    default void requestEnded(String function, Outcome outcome, int attempts, long nanos) {
    }

    /** An observer that does nothing. */
    KvObserver NONE = new KvObserver() {
    };
}
