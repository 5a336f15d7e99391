package io.kv4j.spring.boot.autoconfigure.actuate;

import io.kv4j.KvStore;
import io.kv4j.spring.boot.autoconfigure.KvAutoConfiguration;
import io.kv4j.spring.boot.autoconfigure.KvStoreBuilderCustomizer;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Hands the application's {@link MeterRegistry} to the auto-configured store, whose engine and
 * backend then register their meters (names starting with {@code kv4j.}) on it. Present when
 * Micrometer is on the class path, as it is with Actuator; without a registry bean it does
 * nothing.
 */
@AutoConfiguration(before = KvAutoConfiguration.class, afterName =
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass({KvStore.class, MeterRegistry.class})
public class KvMetricsAutoConfiguration {

    /** Creates the configuration; Spring Boot does. */
    public KvMetricsAutoConfiguration() {
    }

    /**
     * The customizer that passes the registry.
     *
     * @param registry the application's meter registry, if any; the primary one when several
     * @return the customizer
     */
    @Bean
    @ConditionalOnMissingBean(name = "kvMeterRegistryCustomizer")
    public KvStoreBuilderCustomizer kvMeterRegistryCustomizer(ObjectProvider<MeterRegistry> registry) {
        return builder -> registry.ifUnique(r -> builder.object(r));
    }
}
