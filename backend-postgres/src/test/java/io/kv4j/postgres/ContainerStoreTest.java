package io.kv4j.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kv4j.KvStore;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A plain JUnit 5 test that starts PostgreSQL with Testcontainers and opens a store on it, as
 * backend-postgres/README.md shows. Skipped, saying so in one line, where no Docker engine
 * answers.
 */
@Testcontainers
@EnabledIf("dockerAnswers")
class ContainerStoreTest {

    @Container
    static PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17")
            .withPassword("not-a-word-of-the-url");

    static KvStore open() {
        return KvStore.open("kv:postgresql://" + postgres.getHost() + ":"
                + postgres.getMappedPort(5432) + "/" + postgres.getDatabaseName(),
                Map.of("user", postgres.getUsername(), "password", postgres.getPassword()));
    }

    @Test
    void aStoreOnTheContainer_commitsAndReads() {
        try (KvStore store = open()) {
            store.run("KT1Counter", kv -> {
                kv.set("count", 1);
                return null;
            });
            assertEquals(1L, store.reader("KT1Counter").get("count"));
        }
    }

    /** Whether a Docker engine answers; when none does, says in one line that this is skipped. */
    static boolean dockerAnswers() {
        boolean docker = DockerClientFactory.instance().isDockerAvailable();
        if (!docker) {
            System.out.println("Skipped ContainerStoreTest: no Docker engine answers");
        }
        return docker;
    }
}
