package io.kv4j;

import io.kv4j.spi.OptionDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The options of the request engine, the same on every backend. Pass them in the URL query
 * ({@code kv:memory:?retry-timeout-ms=5000}), in the options map of
 * {@link KvStore#open(String, Map)} or through {@link KvStore#builder}, which override the URL.
 * Options the engine does not know go to the backend, which checks them against its own table.
 */
public enum KvOption {

    /** How long {@link KvStore#run} goes on running a request again after conflicts and outages. */
    RETRY_TIMEOUT_MS("retry-timeout-ms", 30_000, 0, 86_400_000,
            "How long run() goes on running a request again after conflicts and outages of the "
                    + "storage, in milliseconds from its first attempt; 0 runs it once."),
    /** How many times {@link KvStore#run} runs a request again, at most. */
    MAX_RETRIES("max-retries", Integer.MAX_VALUE, 0, Integer.MAX_VALUE,
            "The most times run() runs a request again after a conflict or an outage; by default "
                    + "no count applies, only retry-timeout-ms."),
    /** The first pause before a retry, doubled on each retry, with jitter. */
    RETRY_BACKOFF_MS("retry-backoff-ms", 1, 0, 60_000,
            "The first pause before a retry in milliseconds; doubled per retry, with full jitter."),
    /** The longest pause before a retry, and the longest wait for a turn that does not come. */
    RETRY_MAX_BACKOFF_MS("retry-max-backoff-ms", 100, 0, 600_000,
            "The longest pause before a retry in milliseconds; also how long a request waits for "
                    + "its turn at a contended key while the requests ahead of it do not move."),
    /**
     * How many function bodies may be in flight in one request. At most 100: each level takes
     * stack, 0.7 KB for a body that only calls and 1.6 KB for one with twenty locals and two
     * helper methods (measured), so a default 1 MB thread stack holds about 600 levels of the
     * latter; the limit must be refused before the stack runs out.
     */
    MAX_CALL_DEPTH("max-call-depth", 5, 1, 100,
            "How many function bodies may be in flight in one request, the outermost included."),
    /** The largest value, in bytes of UTF-8 JSON. */
    MAX_VALUE_BYTES("max-value-bytes", 16 * 1024 * 1024, 1, Integer.MAX_VALUE - 16,
            "The largest value a set() accepts, in bytes of UTF-8 JSON.");

    private final OptionDescriptor descriptor;

    KvOption(String key, int defaultValue, int min, int max, String description) {
        this.descriptor = OptionDescriptor.integer(key, (long) defaultValue, min, max, description);
    }

    /**
     * The option's name in URLs and option maps.
     *
     * @return the name, such as {@code retry-timeout-ms}
     */
    public String key() {
        return descriptor.name();
    }

    /**
     * The value used when the option is not given.
     *
     * @return the default
     */
    public int defaultValue() {
        return Integer.parseInt(descriptor.defaultValue());
    }

    /**
     * The smallest value allowed.
     *
     * @return the minimum
     */
    public int min() {
        return (int) descriptor.min();
    }

    /**
     * The largest value allowed.
     *
     * @return the maximum
     */
    public int max() {
        return (int) descriptor.max();
    }

    /**
     * What the option does.
     *
     * @return one sentence
     */
    public String description() {
        return descriptor.description();
    }

    /**
     * The option as the engine's option table describes it, as backends describe theirs.
     *
     * @return the descriptor
     */
    public OptionDescriptor descriptor() {
        return descriptor;
    }

    /**
     * The engine's option table.
     *
     * @return every engine option's descriptor, in this enum's order
     */
    public static List<OptionDescriptor> descriptors() {
        List<OptionDescriptor> out = new ArrayList<>();
        for (KvOption o : values()) {
            out.add(o.descriptor);
        }
        out.add(METER_REGISTRY);
        return List.copyOf(out);
    }

    /** The name of the object option that hands the engine a Micrometer {@code MeterRegistry}. */
    public static final String METER_REGISTRY_KEY = "meter-registry";

    /**
     * The engine's one object option, given through {@link KvStoreBuilder#object}: a Micrometer
     * {@code MeterRegistry} to which the engine binds its meters ({@code kv4j.requests},
     * {@code kv4j.commits}, {@code kv4j.conflicts}, ...); a backend that declares the same option
     * binds its own too (pool, cache).
     */
    static final OptionDescriptor METER_REGISTRY = OptionDescriptor.object(METER_REGISTRY_KEY,
            "io.micrometer.core.instrument.MeterRegistry", "A Micrometer MeterRegistry to bind "
                    + "the store's meters to: requests, attempts, commits, conflicts by cause, "
                    + "and the backend's pool and cache; Micrometer is then needed at run time.");

    /**
     * Finds an option by name.
     *
     * @param key an option name
     * @return the option, or null if the engine has no option of that name
     */
    public static KvOption byKey(String key) {
        for (KvOption o : values()) {
            if (o.key().equals(key)) {
                return o;
            }
        }
        return null;
    }

    int parse(String value) {
        return (int) (long) (Long) descriptor.parse(value);
    }
}
