/**
 * JMH benchmarks of kv4j against hand-written baselines doing the same work, and the suite that
 * runs them side by side and prints the ratios: {@link io.kv4j.bench.BenchSuite}.
 *
 * <p>Every benchmark reaches kv4j or a baseline through one adapter interface, chosen by the
 * benchmark's {@code impl} parameter, so that the code measured around them is the same.
 */
package io.kv4j.bench;
