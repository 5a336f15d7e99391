package io.kv4j.bench;

/** The ratio kv4j / baseline that a comparison should reach, from the design's numbers. */
enum Target {

    /** No target: the baseline is shown for reference, such as the ceiling. */
    NONE("", 0),
    /** At least 0.8 times the baseline's throughput. */
    AT_LEAST_0_80(">= 0.80", 0.8),
    /** At least 0.9 times the baseline's throughput. */
    AT_LEAST_0_90(">= 0.90", 0.9),
    /** At least half the baseline's throughput. */
    AT_LEAST_HALF(">= 0.50", 0.5),
    /** At least the baseline's throughput. */
    AT_LEAST_ONE(">= 1.00", 1.0),
    /** At least 1.3 times the baseline's throughput: clearly faster, not within the noise. */
    AT_LEAST_1_30(">= 1.30", 1.3),
    /** At least 1.5 times the baseline's throughput. */
    AT_LEAST_1_50(">= 1.50", 1.5),
    /** At least 3 times the baseline's throughput. */
    AT_LEAST_3(">= 3.00", 3.0),
    /** More than the baseline's throughput. */
    ABOVE_ONE("> 1.00", 1.0);

    private final String text;
    private final double bound;

    Target(String text, double bound) {
        this.text = text;
        this.bound = bound;
    }

    String text() {
        return text;
    }

    /** Whether a ratio meets the target; always true for {@link #NONE}. */
    boolean met(double ratio) {
        return switch (this) {
            case NONE -> true;
            case AT_LEAST_0_80, AT_LEAST_0_90, AT_LEAST_HALF, AT_LEAST_ONE, AT_LEAST_1_30,
                    AT_LEAST_1_50, AT_LEAST_3 ->
                    ratio >= bound;
            case ABOVE_ONE -> ratio > bound;
        };
    }
}
