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
 * <p>A count of conflicts by cause (a version changed, a serialization failure, a deadlock) would
 * be one more field here, once the request engine says why an attempt failed, and one more in
 * {@link Attempts}.
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

    /** Creates a counter at zero; JMH creates one per benchmark thread. */
    public AttemptCounter() {
    }

    void bodyRan() {
        attempts++;
    }

    void committed() {
        requests++;
    }
}
