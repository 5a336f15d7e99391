package io.kv4j.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.kv4j.KvStore;
import io.kv4j.spring.boot.autoconfigure.actuate.KvHealthContributorAutoConfiguration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** kv.postgresql.use-application-datasource: the store on the pool Spring Boot configures. */
class KvApplicationDataSourceTest {

    private final TestPostgres server = TestPostgres.get();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    KvAutoConfiguration.class, KvHealthContributorAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=" + server.jdbcUrl(),
                    "spring.datasource.username=" + server.user(),
                    "kv.url=" + server.url(), "kv.schema=" + TestPostgres.freshSchema());

    @Test
    void storeTakesItsConnectionsFromTheApplicationsDataSource() {
        runner.withPropertyValues("kv.postgresql.use-application-datasource=true",
                "spring.datasource.hikari.pool-name=application-pool").run(context -> {
                    KvStore store = context.getBean(KvStore.class);
                    store.run("counter", kv -> {
                        kv.set("count", 1);
                        return null;
                    });
                    HikariDataSource ds = (HikariDataSource) context.getBean(DataSource.class);
                    assertThat(ds.getHikariPoolMXBean().getTotalConnections()).isPositive();
                    assertThat(context.getBean("kvHealthContributor", HealthIndicator.class)
                            .health(true).getDetails()).containsEntry("pool", "application's");
                });
    }

    @Test
    void storeClosing_leavesTheApplicationsDataSourceOpen() {
        runner.withPropertyValues("kv.postgresql.use-application-datasource=true").run(context -> {
            context.getBean(KvStore.class).close();
            HikariDataSource ds = (HikariDataSource) context.getBean(DataSource.class);
            assertThat(ds.isClosed()).isFalse();
            try (var c = ds.getConnection()) {
                assertThat(c.isValid(1)).isTrue();
            }
        });
    }

    @Test
    void poolOptionsBesideTheApplicationsDataSource_failStartup_namingThem() {
        runner.withPropertyValues("kv.postgresql.use-application-datasource=true",
                "kv.pool-size=5").run(context -> assertThat(KvAutoConfigurationTest.findCause(
                        context.getStartupFailure(), KvStoreOpenException.class))
                        .hasMessageContaining("[pool-size] would be ignored"));
    }

    @Test
    void withoutTheProperty_theStoreKeepsAPoolOfItsOwn() {
        runner.withPropertyValues("kv.user=" + server.user()).run(context -> {
            KvStore store = context.getBean(KvStore.class);
            store.run("counter", kv -> kv.get("count"));
            assertThat(context.getBean("kvHealthContributor", HealthIndicator.class).health(true)
                    .getDetails()).containsEntry("pool", "own");
            HikariDataSource ds = (HikariDataSource) context.getBean(DataSource.class);
            assertThat(ds.getHikariPoolMXBean()).as("the application's pool never started").isNull();
        });
    }
}
