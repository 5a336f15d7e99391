package io.kv4j.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.kv4j.KvStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The application on a PostgreSQL container, as the README shows a Spring Boot test doing it:
 * {@code @ServiceConnection} gives the store the container's URL, with no property. Skipped,
 * saying so in one line, where no Docker engine answers.
 */
@SpringBootTest
@Testcontainers
@EnabledIf("dockerAnswers")
class CounterContainerTest {

    @Container
    @ServiceConnection
    static PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17")
            .withPassword("not-a-word-of-the-url");

    @Autowired
    KvStore store;

    @Test
    void theStoreIsOnTheContainer() {
        long count = store.run("KT1Counter", kv -> {
            Long n = kv.get("count", Long.class);
            kv.set("count", n == null ? 1 : n + 1);
            return n == null ? 1 : n + 1;
        });
        assertThat(count).isEqualTo(1);
        assertThat(store.info().scheme()).isEqualTo("postgresql");
    }

    /** Whether a Docker engine answers; when none does, says in one line that this is skipped. */
    static boolean dockerAnswers() {
        boolean docker = DockerClientFactory.instance().isDockerAvailable();
        if (!docker) {
            System.out.println("Skipped CounterContainerTest: no Docker engine answers");
        }
        return docker;
    }
}
