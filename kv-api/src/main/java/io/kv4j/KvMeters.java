package io.kv4j;

import io.kv4j.common.ConflictReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The engine's Micrometer meters, fed by the observer hook. Loaded only when an application hands
 * in a {@code MeterRegistry} (option {@code meter-registry}), so Micrometer stays optional.
 *
 * <ul>
 *   <li>{@code kv4j.requests} (timer, tag {@code outcome}): requests of {@code run} and reader
 *       calls, retries included;</li>
 *   <li>{@code kv4j.request.attempts} (summary): how many times each request's body ran;</li>
 *   <li>{@code kv4j.retries} (counter): attempts beyond the first;</li>
 *   <li>{@code kv4j.commits} (timer, tag {@code outcome}): commits, as long as the backend took;
 *       </li>
 *   <li>{@code kv4j.conflicts} (counter, tag {@code reason}: {@code changed},
 *       {@code serialization_failure}, {@code deadlock}): refused commits by cause.</li>
 * </ul>
 *
 * <p>Outcomes are {@code committed}, {@code conflict}, {@code unavailable},
 * {@code outcome_unknown} and {@code failed}. The function is not a tag: function names are chosen
 * by applications, and a tag per name could grow without bound.
 */
final class KvMeters implements KvObserver {

    private final Map<Outcome, Timer> requests = new EnumMap<>(Outcome.class);
    private final Map<Outcome, Timer> commits = new EnumMap<>(Outcome.class);
    private final Map<ConflictReason, Counter> conflicts =
            new EnumMap<>(ConflictReason.class);
    private final DistributionSummary attempts;
    private final Counter retries;

    private KvMeters(MeterRegistry registry) {
        for (Outcome o : Outcome.values()) {
            String tag = o.name().toLowerCase(Locale.ROOT);
            requests.put(o, Timer.builder("kv4j.requests").tag("outcome", tag)
                    .description("Requests of run() and reader calls, retries included")
                    .register(registry));
            commits.put(o, Timer.builder("kv4j.commits").tag("outcome", tag)
                    .description("Commits, as long as the backend took").register(registry));
        }
        for (ConflictReason r : ConflictReason.values()) {
            conflicts.put(r, Counter.builder("kv4j.conflicts")
                    .tag("reason", r.name().toLowerCase(Locale.ROOT))
                    .description("Commits refused because a concurrent commit interfered")
                    .register(registry));
        }
        this.attempts = DistributionSummary.builder("kv4j.request.attempts")
                .description("How many times a request's body ran").register(registry);
        this.retries = Counter.builder("kv4j.retries")
                .description("Attempts of requests beyond their first").register(registry);
    }

    /**
     * An observer that feeds the meters and then tells {@code observer}.
     *
     * @param observer the application's observer, or {@link KvObserver#NONE}
     * @param registry a {@code MeterRegistry}, already checked to be one
     */
    static KvObserver observing(KvObserver observer, Object registry) {
        KvMeters meters = new KvMeters((MeterRegistry) registry);
        return new KvObserver() {
            @Override
            public void commitEnded(String function, Outcome outcome,
                    ConflictReason reason, int writes, long nanos) {
                meters.commitEnded(function, outcome, reason, writes, nanos);
                observer.commitEnded(function, outcome, reason, writes, nanos);
            }

            @Override
            public void requestEnded(String function, Outcome outcome, int attempts, long nanos) {
                meters.requestEnded(function, outcome, attempts, nanos);
                observer.requestEnded(function, outcome, attempts, nanos);
            }
        };
    }

    @Override
    public void commitEnded(String function, Outcome outcome, ConflictReason reason,
            int writes, long nanos) {
        commits.get(outcome).record(nanos, TimeUnit.NANOSECONDS);
        if (reason != null) {
            conflicts.get(reason).increment();
        }
    }

    @Override
    public void requestEnded(String function, Outcome outcome, int attempts, long nanos) {
        requests.get(outcome).record(nanos, TimeUnit.NANOSECONDS);
        this.attempts.record(attempts);
        if (attempts > 1) {
            retries.increment(attempts - 1);
        }
    }
}
