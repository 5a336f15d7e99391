package io.kv4j.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.kv4j.KvStore;
import io.kv4j.spring.boot.autoconfigure.actuate.KvHealthContributorAutoConfiguration;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The store bean on PostgreSQL: options, health up with the schema version, health down. */
class KvPostgresTest {

    private final TestPostgres server = TestPostgres.get();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KvAutoConfiguration.class,
                    KvHealthContributorAutoConfiguration.class));

    private static Health health(org.springframework.context.ApplicationContext context) {
        return context.getBean("kvHealthContributor", HealthIndicator.class).health(true);
    }

    @Test
    void postgresUrl_opensTheStoreOnTheServer() {
        runner.withPropertyValues(server.properties()).run(context -> {
            KvStore store = context.getBean(KvStore.class);
            assertThat(store.info().scheme()).isEqualTo("postgresql");
            store.run("counter", kv -> {
                kv.set("count", 1);
                return null;
            });
            assertThat(store.reader("counter").get("count")).isEqualTo(1L);
        });
    }

    @Test
    void health_isUp_withTheSchemaVersion() {
        runner.withPropertyValues(server.properties()).run(context -> {
            Health health = health(context);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("backend", "postgresql")
                    .containsKey("schema-version").containsKey("pool-active");
        });
    }

    @Test
    void backendOption_reachesTheStore() {
        runner.withPropertyValues(server.properties()).withPropertyValues("kv.pool-size=3")
                .run(context -> assertThat(health(context).getDetails())
                        .containsEntry("pool-size", 3));
    }

    @Test
    void driverProperty_bindsInDashedForm() {
        runner.withPropertyValues(server.properties())
                .withPropertyValues("kv.application-name=kv4j-spring-test")
                .run(context -> {
                    context.getBean(KvStore.class).run("f", kv -> kv.get("k"));
                    try (Connection c = server.admin(); Statement st = c.createStatement();
                            var rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity "
                                    + "WHERE application_name = 'kv4j-spring-test'")) {
                        rs.next();
                        assertThat(rs.getInt(1)).isPositive();
                    }
                });
    }

    @Test
    void health_isDown_whenTheServerRefusesConnections_andShowsNoSecret() throws Exception {
        String db = "kv_down_" + TestPostgres.freshSchema();
        try (Connection c = server.admin(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + db);
        }
        try {
            runner.withPropertyValues(server.properties(server.url(db) + "?password=hunter2"))
                    .withPropertyValues("kv.pool-timeout-ms=250", "kv.connect-timeout-ms=1000")
                    .run(context -> {
                        Health up = health(context);
                        assertThat(up.getStatus()).as(up.toString()).isEqualTo(Status.UP);
                        try (Connection c = server.admin(); Statement st = c.createStatement()) {
                            st.execute("ALTER DATABASE " + db + " ALLOW_CONNECTIONS false");
                            st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                    + "WHERE datname = '" + db + "'");
                        }
                        Health health = health(context);
                        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                        assertThat(health.getDetails()).containsKey("error");
                        assertThat(health.toString()).doesNotContain("hunter2");
                    });
        } finally {
            try (Connection c = server.admin(); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE " + db + " WITH (FORCE)");
            }
        }
    }
}
