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
 * @param changed commits refused because a version read had changed, aggregated the same way
 * @param serialization commits refused by a serialization failure
 * @param deadlock commits refused to break a deadlock
 */
record Attempts(double attempts, double requests, double changed, double serialization,
        double deadlock) {

    /** Attempts without conflicts counted by cause. */
    Attempts(double attempts, double requests) {
        this(attempts, requests, 0, 0, 0);
    }

    /**
     * The figure from a trial's secondary results, JMH's {@code Result}s by label, or null when
     * the trial counted no committed request: a baseline, or a benchmark that does not count.
     */
    static Attempts from(Map<String, ?> secondary) {
        // JMH hands the results over as a map of raw Result
        if (secondary.get(AttemptCounter.ATTEMPTS) instanceof Result<?> attempts
                && secondary.get(AttemptCounter.REQUESTS) instanceof Result<?> requests
                && requests.getScore() > 0) {
            return new Attempts(attempts.getScore(), requests.getScore(),
                    score(secondary, "changed"), score(secondary, "serialization"),
                    score(secondary, "deadlock"));
        }
        return null;
    }

    private static double score(Map<String, ?> secondary, String label) {
        return secondary.get(label) instanceof Result<?> r ? r.getScore() : 0;
    }

    double perRequest() {
        return attempts / requests;
    }

    /**
     * As the table shows it: {@code 1.01}, and the refused commits per request by cause where
     * there were any, {@code 1.16 (changed 0.16)}; a serialization failure or a deadlock is a
     * conflict where nothing the request read had changed.
     */
    String text() {
        StringBuilder causes = new StringBuilder();
        cause(causes, "changed", changed);
        cause(causes, "serialization", serialization);
        cause(causes, "deadlock", deadlock);
        return String.format(Locale.ROOT, "%.2f", perRequest())
                + (causes.length() == 0 ? "" : " (" + causes + ")");
    }

    private void cause(StringBuilder out, String name, double count) {
        if (count > 0) {
            out.append(out.length() == 0 ? "" : ", ").append(name).append(' ')
                    .append(String.format(Locale.ROOT, "%.2f", count / requests));
        }
    }
}
