package io.kv4j.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Counts, for one benchmark thread, how many times kv4j ran a request's body and how many of its
 * requests committed. JMH sets the public fields to zero before each iteration and reports them
 * as secondary results of the benchmark ({@code readModifyWrite:attempts},
 * {@code readModifyWrite:requests}), summed over threads; {@link Attempts} turns them into
 * attempts per committed request.
 *
 * <p>The commits that conflicted are counted by cause, as kv4j's observer reports them: a version
 * the request read had changed ({@link #changed}: a real conflict), the database could not
 * serialise it ({@link #serialization}) or broke a deadlock ({@link #deadlock}).
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class AttemptCounter {

    /** The secondary result that {@link #attempts} becomes. */
    static final String ATTEMPTS = "attempts";
    /** The secondary result that {@link #requests} becomes. */
    static final String REQUESTS = "requests";

    /** How many times a request's body started in this thread during the iteration. */
    public long attempts;
    /** How many requests committed in this thread during the iteration. */
    public long requests;
    /** Commits refused because a version they read had changed. */
    public long changed;
    /** Commits refused by a serialization failure (SQLSTATE 40001). */
    public long serialization;
    /** Commits refused to break a deadlock (SQLSTATE 40P01). */
    public long deadlock;

    /** Creates a counter at zero; JMH creates one per benchmark thread. */
    public AttemptCounter() {
    }

    void bodyRan() {
        attempts++;
    }

    void committed() {
        requests++;
    }

    void conflicted(io.kv4j.common.ConflictReason reason) {
        switch (reason) {
            case SERIALIZATION_FAILURE -> serialization++;
            case DEADLOCK -> deadlock++;
            default -> changed++;
        }
    }
}
