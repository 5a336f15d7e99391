package io.kv4j.bench;

/**
 * What one trial measured: operations per second with JMH's 99.9% confidence half-width, or why
 * it failed.
 *
 * @param opsPerSecond the mean throughput, NaN when the trial failed
 * @param error the half-width of the confidence interval, NaN when JMH had too few iterations
 * @param failure why the trial failed, or null
 */
record Outcome(double opsPerSecond, double error, String failure) {

    static Outcome measured(double opsPerSecond, double error) {
        return new Outcome(opsPerSecond, error, null);
    }

    static Outcome failed(String why) {
        return new Outcome(Double.NaN, Double.NaN, why);
    }

    boolean ok() {
        return failure == null;
    }
}
