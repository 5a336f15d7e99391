package io.kv4j.bench;

import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;

/**
 * How many times kv4j ran a request's body per request that committed, over a trial's measured
 * iterations: 1.00 when no request ran twice, more when conflicts made kv4j run requests again.
 * The one place where the suite reads the counts of {@link AttemptCounter} back from JMH.
 *
 * @param attempts the bodies run, over the threads, measured iterations and forks of the trial
 * @param requests the requests committed, aggregated the same way
 */
record Attempts(double attempts, double requests) {

    /**
     * The figure from a trial's secondary results, JMH's {@code Result}s by label, or null when
     * the trial counted no committed request: a baseline, or a benchmark that does not count.
     */
    static Attempts from(Map<String, ?> secondary) {
        // JMH hands the results over as a map of raw Result
        if (secondary.get(AttemptCounter.ATTEMPTS) instanceof Result<?> attempts
                && secondary.get(AttemptCounter.REQUESTS) instanceof Result<?> requests
                && requests.getScore() > 0) {
            return new Attempts(attempts.getScore(), requests.getScore());
        }
        return null;
    }

    double perRequest() {
        return attempts / requests;
    }

    /** As the table shows it: {@code 1.01}. */
    String text() {
        return String.format(Locale.ROOT, "%.2f", perRequest());
    }
}
