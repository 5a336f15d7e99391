package io.kv4j;

import io.kv4j.spi.BackendConfig;

/**
 * The request engine's settings, read from the values parsed and checked once when a store opens.
 *
 * @param maxValueBytesGiven whether {@code max-value-bytes} was given rather than defaulted
 */
record Config(RetryPolicy retry, int maxCallDepth, int maxValueBytes, boolean maxValueBytesGiven,
        Object meterRegistry) {

    /**
     * The engine's settings of a store.
     *
     * @throws IllegalArgumentException for a combination of values that does not hold together
     */
    static Config of(BackendConfig values) {
        int backoff = values.get(KvOption.RETRY_BACKOFF_MS);
        int maxBackoff = values.get(KvOption.RETRY_MAX_BACKOFF_MS);
        if (maxBackoff < backoff) {
            throw new IllegalArgumentException(KvOption.RETRY_MAX_BACKOFF_MS.name() + " ("
                    + maxBackoff + ") must not be less than "
                    + KvOption.RETRY_BACKOFF_MS.name() + " (" + backoff + ")");
        }
        RetryPolicy retry = new RetryPolicy(values.get(KvOption.RETRY_TIMEOUT_MS),
                values.get(KvOption.MAX_RETRIES), backoff, maxBackoff);
        return new Config(retry, values.get(KvOption.MAX_CALL_DEPTH),
                values.get(KvOption.MAX_VALUE_BYTES), values.isGiven(KvOption.MAX_VALUE_BYTES),
                values.get(KvOption.METER_REGISTRY));
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
        throw new IllegalArgumentException(KvOption.MAX_VALUE_BYTES.name() + " must be an integer "
                + "from " + KvOption.MAX_VALUE_BYTES.min() + " to " + backendMax + ", the largest "
                + "value the " + backend + " backend can store, but was: " + maxValueBytes);
    }
}
