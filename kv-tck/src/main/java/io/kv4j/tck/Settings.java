package io.kv4j.tck;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The kit's configuration parameters, parsed and checked once per run. Each is read from the
 * JUnit configuration parameters, which fall back to system properties and
 * {@code junit-platform.properties}.
 *
 * @param url the store URL ({@value Tck#URL}), or null
 * @param fixture the fixture's class name, {@code none}, or null to look it up
 * @param seed the workload seed, or null for a random one
 * @param stepTimeoutMs how long one step of a script, or one hand-off between threads, may take
 * @param workloadTimeoutMs how long a whole concurrent workload may take
 * @param workloadThreads how many threads a workload runs
 * @param workloadRequests how many requests each workload thread makes
 * @param childJvm whether tests may start a child JVM
 * @param testTimeoutMs how long one test may take before it fails and the run goes on
 * @param allowUntested the MUST clauses that may go untested, wholly or in part, without making
 *     the run fail ({@value Tck#ALLOW_UNTESTED}); {@link #ALL} for every clause
 * @param parameters every configuration parameter, for the fixture
 */
record Settings(String url, String fixture, Long seed, long stepTimeoutMs, long workloadTimeoutMs,
        int workloadThreads, int workloadRequests, boolean childJvm, long testTimeoutMs,
        Set<String> allowUntested, Function<String, Optional<String>> parameters) {

    /** The value of {@value Tck#ALLOW_UNTESTED} that allows every clause to go untested. */
    static final String ALL = "all";

    static Settings from(Function<String, Optional<String>> parameters) {
        Function<String, String> get = name -> parameters.apply(name)
                .map(String::trim).filter(v -> !v.isEmpty()).orElse(null);
        String seed = get.apply(Tck.SEED);
        Long parsedSeed = null;
        if (seed != null) {
            try {
                parsedSeed = Long.parseLong(seed);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(Tck.SEED + " must be an integer but was: " + seed);
            }
        }
        return new Settings(get.apply(Tck.URL), get.apply(Tck.FIXTURE), parsedSeed,
                positive(get, Tck.STEP_TIMEOUT_MS, 10_000, Integer.MAX_VALUE),
                positive(get, Tck.WORKLOAD_TIMEOUT_MS, 60_000, Integer.MAX_VALUE),
                (int) positive(get, Tck.WORKLOAD_THREADS, 4, 64),
                (int) positive(get, Tck.WORKLOAD_REQUESTS, 200, 1_000_000),
                bool(get, Tck.CHILD_JVM, true),
                positive(get, Tck.TEST_TIMEOUT_MS, 300_000, Integer.MAX_VALUE),
                clauses(get, Tck.ALLOW_UNTESTED), parameters);
    }

    /** Whether a MUST clause may go untested without making the run fail. */
    boolean allowsUntested(String clause) {
        return allowUntested.contains(ALL) || allowUntested.contains(clause);
    }

    /** {@link #ALL}, or clause ids of the SPEC separated by commas. */
    private static Set<String> clauses(Function<String, String> get, String name) {
        String v = get.apply(name);
        if (v == null) {
            return Set.of();
        }
        if (v.equalsIgnoreCase(ALL)) {
            return Set.of(ALL);
        }
        Set<String> known = new LinkedHashSet<>();
        Spec.load().forEach(e -> known.add(e.id()));
        Set<String> out = new LinkedHashSet<>();
        for (String part : v.split(",")) {
            String id = part.trim();
            if (!known.contains(id)) {
                throw new IllegalArgumentException(name + " must be " + ALL + " or clause ids of "
                        + "the SPEC separated by commas (such as KV-7.11,KV-9.2) but names "
                        + (id.isEmpty() ? "an empty one" : id + ", which the SPEC does not have")
                        + ": " + v);
            }
            out.add(id);
        }
        return Set.copyOf(out);
    }

    private static long positive(Function<String, String> get, String name, long defaultValue,
            long max) {
        String v = get.apply(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            long n = Long.parseLong(v);
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new IllegalArgumentException(name + " must be an integer from 1 to " + max
                + " but was: " + v);
    }

    private static boolean bool(Function<String, String> get, String name, boolean defaultValue) {
        String v = get.apply(name);
        if (v == null) {
            return defaultValue;
        }
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new IllegalArgumentException(name + " must be true or false but was: " + v);
    }
}
