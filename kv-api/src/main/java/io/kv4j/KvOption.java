package io.kv4j;

import io.kv4j.common.Option;
import java.util.List;
import java.util.Map;

/**
 * The options of the request engine, the same on every backend. Pass them in the URL query
 * ({@code kv:memory:?retry-timeout-ms=5000}), in the options map of
 * {@link KvStore#open(String, Map)}, or through {@link KvStore#builder}, typed
 * ({@code .option(KvOption.MAX_RETRIES, 3)}) or as text; the map and the builder override the
 * URL. Options the engine does not know go to the backend, which lists its own table.
 */
public final class KvOption {

    /** How long {@link KvStore#run} goes on running a request again after conflicts and outages. */
    public static final Option<Integer> RETRY_TIMEOUT_MS = Option.integer("retry-timeout-ms",
            30_000, 0, 86_400_000, "How long run() goes on running a request again after "
                    + "conflicts and outages of the storage, in milliseconds from its first "
                    + "attempt; 0 runs it once.");

    /** How many times {@link KvStore#run} runs a request again, at most. */
    public static final Option<Integer> MAX_RETRIES = Option.integer("max-retries",
            Integer.MAX_VALUE, 0, Integer.MAX_VALUE, "The most times run() runs a request again "
                    + "after a conflict or an outage; by default no count applies, only "
                    + "retry-timeout-ms.");

    /** The first pause before a retry, doubled on each retry, with jitter. */
    public static final Option<Integer> RETRY_BACKOFF_MS = Option.integer("retry-backoff-ms", 1,
            0, 60_000, "The first pause before a retry in milliseconds; doubled per retry, with "
                    + "full jitter.");

    /** The longest pause before a retry, and the longest wait for a turn that does not come. */
    public static final Option<Integer> RETRY_MAX_BACKOFF_MS = Option.integer(
            "retry-max-backoff-ms", 100, 0, 600_000, "The longest pause before a retry in "
                    + "milliseconds; also how long a request waits for its turn at a contended "
                    + "key while the requests ahead of it do not move.");

    /**
     * How many function bodies may be in flight in one request. At most 100: each level takes
     * stack, 0.7 KB for a body that only calls and 1.6 KB for one with twenty locals and two
     * helper methods (measured), so a default 1 MB thread stack holds about 600 levels of the
     * latter; the limit must be refused before the stack runs out.
     */
    public static final Option<Integer> MAX_CALL_DEPTH = Option.integer("max-call-depth", 5, 1,
            100, "How many function bodies may be in flight in one request, the outermost "
                    + "included.");

    /** The largest value, in bytes of UTF-8 JSON. */
    public static final Option<Integer> MAX_VALUE_BYTES = Option.integer("max-value-bytes",
            16 * 1024 * 1024, 1, Integer.MAX_VALUE - 16,
            "The largest value a set() accepts, in bytes of UTF-8 JSON.");

    /**
     * A Micrometer {@code MeterRegistry}, handed in through {@link KvStoreBuilder#object(Object)},
     * to which the engine binds its meters ({@code kv4j.requests}, {@code kv4j.commits},
     * {@code kv4j.conflicts}, ...); a backend that lists the same option binds its own too (pool,
     * cache).
     */
    public static final Option<Object> METER_REGISTRY = Option.METER_REGISTRY;

    private static final List<Option<?>> TABLE = List.of(RETRY_TIMEOUT_MS, MAX_RETRIES,
            RETRY_BACKOFF_MS, RETRY_MAX_BACKOFF_MS, MAX_CALL_DEPTH, MAX_VALUE_BYTES,
            METER_REGISTRY);

    private KvOption() {
    }

    /**
     * The engine's option table.
     *
     * @return every engine option, in the order above
     */
    public static List<Option<?>> table() {
        return TABLE;
    }
}
