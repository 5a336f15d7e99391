package io.kv4j.bench;

/**
 * What one trial measured: operations per second with JMH's 99.9% confidence half-width, and
 * for kv4j's read-modify-writes the attempts per committed request; or why it failed.
 *
 * @param opsPerSecond the mean throughput, NaN when the trial failed
 * @param error the half-width of the confidence interval, NaN when JMH had too few iterations
 * @param attempts kv4j's attempts per committed request, or null when the trial did not count them
 * @param failure why the trial failed, or null
 */
record Outcome(double opsPerSecond, double error, Attempts attempts, String failure) {

    static Outcome measured(double opsPerSecond, double error) {
        return measured(opsPerSecond, error, null);
    }

    static Outcome measured(double opsPerSecond, double error, Attempts attempts) {
        return new Outcome(opsPerSecond, error, attempts, null);
    }

    static Outcome failed(String why) {
        return new Outcome(Double.NaN, Double.NaN, null, why);
    }

    boolean ok() {
        return failure == null;
    }
}
