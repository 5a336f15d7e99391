package io.kv4j.spring.boot.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.kv4j.KvStore;
import io.kv4j.spring.boot.autoconfigure.KvAutoConfiguration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Health and info on the memory backend. */
class KvActuatorTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KvAutoConfiguration.class,
                    KvHealthContributorAutoConfiguration.class,
                    KvInfoContributorAutoConfiguration.class));

    static Health health(HealthContributor contributor) {
        return ((HealthIndicator) contributor).health(true);
    }

    @Test
    void health_isUp_namingTheBackend() {
        runner.run(context -> {
            Health health = health(context.getBean("kvHealthContributor", HealthContributor.class));
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("backend", "memory");
        });
    }

    @Test
    void health_isDown_whenTheStoreIsClosed() {
        runner.run(context -> {
            context.getBean(KvStore.class).close();
            Health health = health(context.getBean("kvHealthContributor", HealthContributor.class));
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().get("error").toString()).contains("closed");
        });
    }

    @Test
    void health_canBeDisabled() {
        runner.withPropertyValues("management.health.kv.enabled=false").run(context ->
                assertThat(context).doesNotHaveBean("kvHealthContributor"));
    }

    @Test
    void health_coversEveryStore_whenTheApplicationDefinesSeveral() {
        try (KvStore a = KvStore.open("kv:memory:"); KvStore b = KvStore.open("kv:memory:")) {
            runner.withBean("orders", KvStore.class, () -> a).withBean("stock", KvStore.class, () -> b)
                    .run(context -> {
                        HealthContributor contributor = context.getBean("kvHealthContributor",
                                HealthContributor.class);
                        assertThat(contributor).isInstanceOf(CompositeHealthContributor.class);
                        CompositeHealthContributor composite = (CompositeHealthContributor) contributor;
                        assertThat(health(composite.getContributor("orders")).getStatus())
                                .isEqualTo(Status.UP);
                        assertThat(health(composite.getContributor("stock")).getStatus())
                                .isEqualTo(Status.UP);
                    });
        }
    }

    @Test
    void info_namesBackendProviderAndSpiVersion() {
        runner.run(context -> {
            Info.Builder builder = new Info.Builder();
            context.getBean(KvInfoContributor.class).contribute(builder);
            assertThat(builder.build().getDetails()).containsEntry("kv", Map.of(
                    "backend", "memory",
                    "provider", "io.kv4j.memory.MemoryProvider",
                    "spi-version", 3,
                    "capabilities", List.of("PRIVATE_TO_STORE")));
        });
    }

    @Test
    void info_canBeDisabled() {
        runner.withPropertyValues("management.info.kv.enabled=false").run(context ->
                assertThat(context).doesNotHaveBean(KvInfoContributor.class));
    }
}
