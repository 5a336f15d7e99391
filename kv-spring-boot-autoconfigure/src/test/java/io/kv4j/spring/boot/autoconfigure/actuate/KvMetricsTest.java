package io.kv4j.spring.boot.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.kv4j.KvStore;
import io.kv4j.spring.boot.autoconfigure.KvAutoConfiguration;
import io.kv4j.spring.boot.autoconfigure.TestPostgres;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The store's meters on the registry Spring Boot configures. */
class KvMetricsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KvAutoConfiguration.class,
                    KvMetricsAutoConfiguration.class));

    private final ApplicationContextRunner withRegistry = runner.withConfiguration(
            AutoConfigurations.of(MetricsAutoConfiguration.class,
                    CompositeMeterRegistryAutoConfiguration.class,
                    SimpleMetricsExportAutoConfiguration.class));

    private static void increment(KvStore store) {
        store.run("counter", kv -> {
            Long n = kv.get("count", Long.class);
            kv.set("count", n == null ? 1 : n + 1);
            return null;
        });
    }

    @Test
    void applicationRegistry_countsTheStoresRequests() {
        withRegistry.run(context -> {
            increment(context.getBean(KvStore.class));
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get("kv4j.requests").tag("outcome", "committed").timer().count())
                    .isEqualTo(1);
        });
    }

    @Test
    void applicationRegistry_holdsThePostgresBackendsMeters() {
        withRegistry.withPropertyValues(TestPostgres.get().properties()).run(context -> {
            increment(context.getBean(KvStore.class));
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.getMeters()).map(Meter::getId).map(Meter.Id::getName)
                    .contains("kv4j.cache.bytes", "kv4j.requests");
        });
    }

    @Test
    void noRegistry_opensTheStoreWithoutMeters() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            increment(context.getBean(KvStore.class));
        });
    }
}
