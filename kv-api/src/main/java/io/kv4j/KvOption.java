package io.kv4j;

import java.util.Map;

/**
 * The options of the request engine, the same on every backend. Pass them in the URL query
 * ({@code kv:memory:?max-retries=3}) or in the options map of {@link KvStore#open(String, Map)},
 * which overrides the URL. Options the engine does not know go to the backend, which rejects those
 * it does not know either.
 */
public enum KvOption {

    /** How long {@link KvStore#run} goes on running a request again after conflicts. */
    RETRY_TIMEOUT_MS("retry-timeout-ms", 30_000, 0, 86_400_000,
            "How long run() goes on running a request again after conflicts, in milliseconds from "
                    + "its first attempt; 0 runs it once."),
    /** How many times {@link KvStore#run} runs a request again after a conflict, at most. */
    MAX_RETRIES("max-retries", Integer.MAX_VALUE, 0, Integer.MAX_VALUE,
            "The most times run() runs a request again after a conflict; by default no count "
                    + "applies, only retry-timeout-ms."),
    /** The first pause before a retry, doubled on each retry, with jitter. */
    RETRY_BACKOFF_MS("retry-backoff-ms", 1, 0, 60_000,
            "The first pause before a retry in milliseconds; doubled per retry, with full jitter."),
    /** The longest pause before a retry. */
    RETRY_MAX_BACKOFF_MS("retry-max-backoff-ms", 100, 0, 600_000,
            "The longest pause before a retry in milliseconds."),
    /** How many function bodies may be in flight in one request. */
    MAX_CALL_DEPTH("max-call-depth", 5, 1, 1_000,
            "How many function bodies may be in flight in one request, the outermost included."),
    /** The largest value, in bytes of UTF-8 JSON. */
    MAX_VALUE_BYTES("max-value-bytes", 16 * 1024 * 1024, 1, Integer.MAX_VALUE - 16,
            "The largest value a set() accepts, in bytes of UTF-8 JSON.");

    private final String key;
    private final int defaultValue;
    private final int min;
    private final int max;
    private final String description;

    KvOption(String key, int defaultValue, int min, int max, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.min = min;
        this.max = max;
        this.description = description;
    }

    /**
     * The option's name in URLs and option maps.
     *
     * @return the name, such as {@code max-retries}
     */
    public String key() {
        return key;
    }

    /**
     * The value used when the option is not given.
     *
     * @return the default
     */
    public int defaultValue() {
        return defaultValue;
    }

    /**
     * The smallest value allowed.
     *
     * @return the minimum
     */
    public int min() {
        return min;
    }

    /**
     * The largest value allowed.
     *
     * @return the maximum
     */
    public int max() {
        return max;
    }

    /**
     * What the option does.
     *
     * @return one sentence
     */
    public String description() {
        return description;
    }

    /**
     * Finds an option by name.
     *
     * @param key an option name
     * @return the option, or null if the engine has no option of that name
     */
    public static KvOption byKey(String key) {
        for (KvOption o : values()) {
            if (o.key.equals(key)) {
                return o;
            }
        }
        return null;
    }

    int parse(String value) {
        try {
            int v = Integer.parseInt(value.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new IllegalArgumentException(key + " must be an integer from " + min + " to " + max
                + " but was: " + value);
    }
}
