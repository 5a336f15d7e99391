package io.kv4j.spring.boot.testcontainers;

import io.kv4j.spring.boot.autoconfigure.KvConnectionDetails;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Makes the {@link KvConnectionDetails} of a {@link PostgreSQLContainer} annotated
 * {@code @ServiceConnection}, whatever its connection's name: a {@code kv:postgresql:} URL of the
 * container's database, with its user and password. Registered in
 * {@code META-INF/spring.factories}.
 */
class PostgresContainerKvConnectionDetailsFactory
        extends ContainerConnectionDetailsFactory<PostgreSQLContainer, KvConnectionDetails> {

    PostgresContainerKvConnectionDetailsFactory() {
        super(ANY_CONNECTION_NAME);
    }

    @Override
    protected KvConnectionDetails getContainerConnectionDetails(
            ContainerConnectionSource<PostgreSQLContainer> source) {
        return new Details(source);
    }

    /** The URL of the container, read once it runs. */
    static final class Details extends ContainerConnectionDetails<PostgreSQLContainer>
            implements KvConnectionDetails {

        Details(ContainerConnectionSource<PostgreSQLContainer> source) {
            super(source);
        }

        @Override
        public String url() {
            PostgreSQLContainer c = getContainer();
            return "kv:postgresql://" + c.getHost() + ":"
                    + c.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT) + "/"
                    + c.getDatabaseName() + "?user=" + encode(c.getUsername()) + "&password="
                    + encode(c.getPassword());
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }
}
