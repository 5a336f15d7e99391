package io.kv4j.postgres;

import com.github.benmanes.caffeine.cache.Cache;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.function.ToDoubleFunction;

/**
 * Binds the backend's meters to an application's Micrometer registry. Loaded only when the option
 * {@code meter-registry} is given, so Micrometer stays optional.
 */
final class PgMeters {

    private PgMeters() {
    }

    /** The pool reports through HikariCP's own Micrometer tracker: {@code hikaricp.*}. */
    static void bindPool(Object registry, HikariConfig config) {
        config.setMetricsTrackerFactory(
                new MicrometerMetricsTrackerFactory((MeterRegistry) registry));
    }

    /**
     * The cache reports Caffeine's statistics ({@code cache.gets} by {@code result=hit|miss},
     * {@code cache.size}, {@code cache.evictions}, with {@code cache=kv4j.cache}), its estimated
     * bytes, and whether it serves ({@code kv4j.cache.on}: 0 while its listener is down).
     */
    static void bindCache(Object registry, Cache<?, ?> cache, ReadCache owner, String schema) {
        MeterRegistry r = (MeterRegistry) registry;
        Tags tags = Tags.of("schema", schema);
        CaffeineCacheMetrics.monitor(r, cache, "kv4j.cache", tags);
        gauge(r, "kv4j.cache.bytes", "The estimated bytes of the cached keys and values", tags,
                owner, c -> c.weightedBytes());
        gauge(r, "kv4j.cache.on", "1 while the cache serves, 0 while its listener is down", tags,
                owner, c -> c.isOn() ? 1 : 0);
    }

    private static void gauge(MeterRegistry r, String name, String description, Tags tags,
            ReadCache owner, ToDoubleFunction<ReadCache> value) {
        Gauge.builder(name, owner, value).description(description).tags(tags).register(r);
    }
}
