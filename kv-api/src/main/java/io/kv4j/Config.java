package io.kv4j;

import java.util.EnumMap;
import java.util.Map;

/**
 * The request engine's options, parsed and validated once when a store opens.
 *
 * @param maxValueBytesGiven whether {@code max-value-bytes} was given rather than defaulted
 */
record Config(RetryPolicy retry, int maxCallDepth, int maxValueBytes, boolean maxValueBytesGiven,
        Object meterRegistry) {

    /**
     * Takes the engine's options out of {@code options}, leaving the backend's.
     *
     * @throws IllegalArgumentException for a bad value or combination
     */
    static Config take(Map<String, ?> options) {
        Object registry = options.remove(KvOption.METER_REGISTRY_KEY);
        if (registry != null) {
            KvOption.METER_REGISTRY.check(registry);
        }
        boolean maxValueBytesGiven = options.containsKey(KvOption.MAX_VALUE_BYTES.key());
        Map<KvOption, Integer> v = new EnumMap<>(KvOption.class);
        for (KvOption o : KvOption.values()) {
            Object given = options.remove(o.key());
            v.put(o, given == null ? o.defaultValue() : o.parse(given.toString()));
        }
        int backoff = v.get(KvOption.RETRY_BACKOFF_MS);
        int maxBackoff = v.get(KvOption.RETRY_MAX_BACKOFF_MS);
        if (maxBackoff < backoff) {
            throw new IllegalArgumentException(KvOption.RETRY_MAX_BACKOFF_MS.key() + " ("
                    + maxBackoff + ") must not be less than "
                    + KvOption.RETRY_BACKOFF_MS.key() + " (" + backoff + ")");
        }
        RetryPolicy retry = new RetryPolicy(v.get(KvOption.RETRY_TIMEOUT_MS),
                v.get(KvOption.MAX_RETRIES), backoff, maxBackoff);
        return new Config(retry, v.get(KvOption.MAX_CALL_DEPTH), v.get(KvOption.MAX_VALUE_BYTES),
                maxValueBytesGiven, registry);
    }

    /**
     * This configuration on a backend that stores values of at most {@code backendMax} bytes: a
     * default above it comes down to it, a larger value given is refused.
     *
     * @param backend the backend, as messages name it
     * @throws IllegalArgumentException naming the option, both numbers and the backend
     */
    Config within(int backendMax, String backend) {
        if (maxValueBytes <= backendMax) {
            return this;
        }
        if (!maxValueBytesGiven) {
            return new Config(retry, maxCallDepth, backendMax, false, meterRegistry);
        }
        throw new IllegalArgumentException(KvOption.MAX_VALUE_BYTES.key() + " must be an integer "
                + "from " + KvOption.MAX_VALUE_BYTES.min() + " to " + backendMax + ", the largest "
                + "value the " + backend + " backend can store, but was: " + maxValueBytes);
    }
}
