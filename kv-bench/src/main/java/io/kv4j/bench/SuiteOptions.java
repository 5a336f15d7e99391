package io.kv4j.bench;

import java.util.EnumSet;
import java.util.Set;

/**
 * The suite's command line: how long each benchmark runs and which groups run.
 *
 * @param help whether to print the usage and stop
 * @param quick whether the run is the quick one
 * @param groups the groups to run
 * @param forks JVM forks per benchmark
 * @param contentionForks JVM forks per benchmark of the contention group
 * @param warmups warm-up iterations per fork
 * @param iterations measured iterations per fork
 * @param seconds seconds per iteration
 * @param footprintKeys keys loaded to measure memory per key
 * @param verbose whether JMH's own output goes to the console rather than a log file
 */
record SuiteOptions(boolean help, boolean quick, Set<Group> groups, int forks, int contentionForks,
        int warmups, int iterations, int seconds, int footprintKeys, boolean verbose) {

    static final String USAGE = String.join("\n",
            "Usage: java -jar kv-bench/target/kv-bench.jar [options]",
            "Runs kv4j and hand-written baselines side by side and prints kv4j / baseline ratios.",
            "  --quick             a few seconds per benchmark: 1 fork, 1 warm-up and 2 measured",
            "                      iterations of 1 s (default: 2 forks, 1 for the contention group,",
            "                      3 warm-up and 5 measured iterations of 2 s)",
            "  --only GROUPS       comma-separated groups to run: " + String.join(", ", Group.ids()),
            "                      (default: all)",
            "  --forks N           JVM forks per benchmark, the contention group's too",
            "  --warmups N         warm-up iterations per fork",
            "  --iterations N      measured iterations per fork",
            "  --seconds N         seconds per iteration",
            "  --footprint-keys N  keys loaded to measure memory per key (default 1000000)",
            "  --verbose           show JMH's own output instead of writing it to a log file",
            "  -h, --help          show this help");

    static SuiteOptions parse(String... args) {
        boolean help = false;
        boolean quick = false;
        boolean verbose = false;
        Set<Group> groups = EnumSet.allOf(Group.class);
        Integer forks = null;
        Integer warmups = null;
        Integer iterations = null;
        Integer seconds = null;
        int footprintKeys = 1_000_000;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "-h", "--help" -> help = true;
                case "--quick" -> quick = true;
                case "--verbose" -> verbose = true;
                case "--only" -> groups = groups(value(args, ++i, arg));
                case "--forks" -> forks = number(value(args, ++i, arg), arg, 0);
                case "--warmups" -> warmups = number(value(args, ++i, arg), arg, 0);
                case "--iterations" -> iterations = number(value(args, ++i, arg), arg, 1);
                case "--seconds" -> seconds = number(value(args, ++i, arg), arg, 1);
                case "--footprint-keys" -> footprintKeys = number(value(args, ++i, arg), arg, 1);
                default -> throw new IllegalArgumentException("Unknown option '" + arg + "'");
            }
        }
        return new SuiteOptions(help, quick, groups,
                forks != null ? forks : quick ? 1 : 2,
                // its 24 trials add about 15 minutes to a full run at 2 forks, 8 at one
                forks != null ? forks : 1,
                warmups != null ? warmups : quick ? 1 : 3,
                iterations != null ? iterations : quick ? 2 : 5,
                seconds != null ? seconds : quick ? 1 : 2,
                footprintKeys, verbose);
    }

    /** The JVM forks per benchmark of a group. */
    int forks(Group group) {
        return group == Group.CONTENTION ? contentionForks : forks;
    }

    /** How each benchmark runs, for the header of the output. */
    String describe() {
        String contention = !groups.contains(Group.CONTENTION) || contentionForks == forks ? ""
                : " (contention: " + forks(contentionForks) + ")";
        return (quick ? "quick run" : "full run") + ": " + forks(forks) + contention + ", "
                + warmups + " warm-up and " + iterations + " measured iterations of " + seconds
                + " s per benchmark";
    }

    private static String forks(int n) {
        return n + (n == 1 ? " fork" : " forks");
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException("Option " + option + " needs a value");
        }
        return args[i];
    }

    private static int number(String value, String option, int min) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be an integer of at least " + min
                + " but was: " + value);
    }

    private static Set<Group> groups(String list) {
        Set<Group> groups = EnumSet.noneOf(Group.class);
        for (String id : list.split(",")) {
            if (!id.isBlank()) {
                groups.add(Group.byId(id.trim()));
            }
        }
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("--only needs at least one group: "
                    + String.join(", ", Group.ids()));
        }
        return groups;
    }
}
