package io.kv4j.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kv4j.KvObserver;
import io.kv4j.KvStore;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The store bean on the embedded memory backend: opening, options, backing off, failing. */
class KvAutoConfigurationTest {

    record Line(String itemName, int count) {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KvAutoConfiguration.class));

    private static long increment(KvStore store) {
        return store.run("counter", kv -> {
            Long n = kv.get("count", Long.class);
            long next = n == null ? 1 : n + 1;
            kv.set("count", next);
            return next;
        });
    }

    @Test
    void noProperties_opensThePrivateMemoryStore() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(KvStore.class);
            KvStore store = context.getBean(KvStore.class);
            assertThat(store.info().scheme()).isEqualTo("memory");
            assertThat(increment(store)).isEqualTo(1);
            assertThat(store.reader("counter").get("count")).isEqualTo(1L);
        });
    }

    @Test
    void contextClose_closesTheStore() {
        KvStore[] store = new KvStore[1];
        runner.run(context -> store[0] = context.getBean(KvStore.class));
        assertThatThrownBy(() -> increment(store[0])).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void applicationStore_makesTheAutoConfigurationBackOff() {
        KvStore own = KvStore.open("kv:memory:");
        runner.withBean("ownStore", KvStore.class, () -> own).run(context -> {
            assertThat(context).hasSingleBean(KvStore.class);
            assertThat(context.getBean(KvStore.class)).isSameAs(own);
        });
    }

    @Test
    void urlProperty_choosesTheStore() {
        runner.withPropertyValues("kv.url=kv:memory:spring-shared").run(context -> {
            KvStore bean = context.getBean(KvStore.class);
            increment(bean);
            try (KvStore other = KvStore.open("kv:memory:spring-shared")) {
                assertThat(other.reader("counter").get("count")).isEqualTo(1L);
            }
        });
    }

    @Test
    void connectionDetailsBean_replacesTheUrlProperty_andTheOptionsStillApply() {
        KvConnectionDetails details = () -> "kv:memory:spring-details";
        runner.withPropertyValues("kv.url=kv:nosuch://db/app", "kv.max-value-bytes=10")
                .withBean(KvConnectionDetails.class, () -> details).run(context -> {
                    KvStore bean = context.getBean(KvStore.class);
                    assertThat(bean.url()).isEqualTo("kv:memory:spring-details");
                    assertThatThrownBy(() -> bean.run("f", kv -> {
                        kv.set("k", "more than ten bytes");
                        return null;
                    })).isInstanceOf(IllegalArgumentException.class);
                });
    }

    @Test
    void connectionDetailsThatCannotOpen_failStartup_namingWhereTheUrlCameFrom() {
        KvConnectionDetails details = () -> "kv:nosuch://db/app?password=hunter2";
        runner.withBean(KvConnectionDetails.class, () -> details).run(context -> assertThat(
                findCause(context.getStartupFailure(), KvStoreOpenException.class).getMessage())
                .startsWith("Cannot open the kv4j store of the URL of the KvConnectionDetails "
                        + "bean, kv:nosuch://db/app?password=<masked>: ")
                .doesNotContain("hunter2"));
    }

    @Test
    void unknownScheme_failsStartup_namingTheUrlAndTheBackendsFound() {
        runner.withPropertyValues("kv.url=kv:nosuch://db/app?password=hunter2").run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            KvStoreOpenException open = findCause(failure, KvStoreOpenException.class);
            assertThat(open.getMessage())
                    .startsWith("Cannot open the kv4j store of kv.url=kv:nosuch://db/app?password=<masked>: ")
                    .contains("nosuch")
                    .contains("io.kv4j.memory.MemoryProvider")
                    .doesNotContain("hunter2");
        });
    }

    @Test
    void malformedUrl_failsStartup_withTheFailureAnalyzersReport() {
        runner.withPropertyValues("kv.url=memory").run(context -> {
            FailureAnalysis analysis = new KvStoreFailureAnalyzer()
                    .analyze(context.getStartupFailure());
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).contains("kv.url=memory")
                    .contains("must start with 'kv:<scheme>:'");
            assertThat(analysis.getAction()).contains("kv.url");
        });
    }

    @Test
    void engineOption_reachesTheStore() {
        runner.withPropertyValues("kv.max-value-bytes=10").run(context -> {
            KvStore store = context.getBean(KvStore.class);
            assertThatThrownBy(() -> store.run("f", kv -> {
                kv.set("k", "more than ten bytes");
                return null;
            })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10");
        });
    }

    @Test
    void engineOption_bindsRelaxedly_fromAnEnvironmentVariable() {
        runner.withInitializer(context -> context.getEnvironment().getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("KV_MAXVALUEBYTES", "10"))))
                .run(context -> {
                    KvStore store = context.getBean(KvStore.class);
                    assertThatThrownBy(() -> store.run("f", kv -> {
                        kv.set("k", "more than ten bytes");
                        return null;
                    })).isInstanceOf(IllegalArgumentException.class);
                });
    }

    @Test
    void propertyOverridesTheUrlsQuery() {
        runner.withPropertyValues("kv.url=kv:memory:?max-value-bytes=10", "kv.max-value-bytes=1000")
                .run(context -> {
                    KvStore store = context.getBean(KvStore.class);
                    store.run("f", kv -> {
                        kv.set("k", "more than ten bytes");
                        return null;
                    });
                    assertThat(store.reader("f").get("k")).isEqualTo("more than ten bytes");
                });
    }

    @Test
    void badOptionValue_failsStartup_namingTheOption() {
        runner.withPropertyValues("kv.max-call-depth=0").run(context -> {
            assertThat(context).hasFailed();
            assertThat(findCause(context.getStartupFailure(), KvStoreOpenException.class))
                    .hasMessageContaining("max-call-depth must be an integer from 1 to 100 but was: 0");
        });
    }

    @Test
    void optionOfAnotherBackend_isNotPassedToTheStore() {
        runner.withPropertyValues("kv.pool-size=3", "kv.schema=orders").run(context ->
                assertThat(context).hasNotFailed().hasSingleBean(KvStore.class));
    }

    @Test
    void applicationDataSourceProperty_isIgnoredOnMemory() {
        runner.withPropertyValues("kv.postgresql.use-application-datasource=true").run(context ->
                assertThat(context).hasNotFailed().hasSingleBean(KvStore.class));
    }

    @Test
    void applicationDataSource_missing_failsStartup_sayingWhatToConfigure() {
        runner.withPropertyValues("kv.url=kv:postgresql://localhost/db",
                "kv.postgresql.use-application-datasource=true").run(context -> {
                    KvStoreOpenException e = findCause(context.getStartupFailure(),
                            KvStoreOpenException.class);
                    assertThat(e).hasMessageContaining("no DataSource bean");
                    assertThat(e.action()).contains("spring.datasource.url");
                });
    }

    @Test
    void applicationJsonMapper_decidesTheStoredJson() {
        runner.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
                .withPropertyValues("spring.jackson.property-naming-strategy=SNAKE_CASE")
                .run(context -> assertThat(storedLine(context.getBean(KvStore.class)))
                        .isEqualTo(Map.of("item_name", "tea", "count", 2L)));
    }

    @Test
    void applicationJsonMapper_canBeDeclined() {
        runner.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
                .withPropertyValues("spring.jackson.property-naming-strategy=SNAKE_CASE",
                        "kv.jackson.use-application-mapper=false")
                .run(context -> assertThat(storedLine(context.getBean(KvStore.class)))
                        .isEqualTo(Map.of("itemName", "tea", "count", 2L)));
    }

    @Test
    void applicationJsonMapper_keepsJavaTimeZonesOnlyWhenToldTo() {
        ZonedDateTime zoned = ZonedDateTime.parse("2024-07-01T12:00-04:00[America/New_York]");
        runner.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
                .run(context -> assertThat((Object) roundTrip(context.getBean(KvStore.class), zoned))
                        .isNotEqualTo(zoned));
        runner.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
                .withPropertyValues("spring.jackson.datatype.datetime.write-dates-with-zone-id=true",
                        "spring.jackson.datatype.datetime.adjust-dates-to-context-time-zone=false")
                .run(context -> assertThat((Object) roundTrip(context.getBean(KvStore.class), zoned))
                        .isEqualTo(zoned));
        runner.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
                .withPropertyValues("kv.jackson.use-application-mapper=false")
                .run(context -> assertThat((Object) roundTrip(context.getBean(KvStore.class), zoned))
                        .isEqualTo(zoned));
    }

    private static ZonedDateTime roundTrip(KvStore store, ZonedDateTime value) {
        store.run("times", kv -> {
            kv.set("t", value);
            return null;
        });
        return store.reader("times").get("t", ZonedDateTime.class);
    }

    private static Object storedLine(KvStore store) {
        store.run("shop", kv -> {
            kv.set("line", new Line("tea", 2));
            return null;
        });
        return store.reader("shop").get("line");
    }

    @Test
    void observerBean_hearsTheRequests() {
        List<String> heard = new ArrayList<>();
        KvObserver observer = new KvObserver() {
            @Override
            public void requestEnded(String function, Outcome outcome, int attempts, long nanos) {
                heard.add(function + " " + outcome);
            }
        };
        runner.withBean(KvObserver.class, () -> observer).run(context -> {
            increment(context.getBean(KvStore.class));
            assertThat(heard).containsExactly("counter COMMITTED");
        });
    }

    @Test
    void customizers_applyAfterTheProperties() {
        runner.withPropertyValues("kv.max-value-bytes=1000")
                .withBean(KvStoreBuilderCustomizer.class,
                        () -> builder -> builder.option("max-value-bytes", "10"))
                .run(context -> {
                    KvStore store = context.getBean(KvStore.class);
                    assertThatThrownBy(() -> store.run("f", kv -> {
                        kv.set("k", "more than ten bytes");
                        return null;
                    })).isInstanceOf(IllegalArgumentException.class);
                });
    }

    static <E extends Throwable> E findCause(Throwable failure, Class<E> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("No " + type.getSimpleName() + " in " + failure, failure);
    }
}
