package io.kv4j.spring.boot.autoconfigure.testcontainers;

import io.kv4j.spring.boot.autoconfigure.KvConnectionDetails;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;
import org.springframework.util.ClassUtils;
import org.testcontainers.containers.Container;

/**
 * Makes the {@link KvConnectionDetails} of a Testcontainers {@code PostgreSQLContainer} annotated
 * {@code @ServiceConnection}: a {@code kv:postgresql:} URL of the container's database, with its
 * user and password. Registered in {@code META-INF/spring.factories}; Spring Boot asks it only
 * when {@code spring-boot-testcontainers} is on the class path.
 *
 * <p>The container classes are named, not compiled against: Testcontainers' PostgreSQL and JDBC
 * modules split a package with its core, so they cannot be modules of this one. The container's
 * database, user and password are the {@code POSTGRES_*} variables it gives the image, as both
 * the Testcontainers 2 class and its deprecated predecessor do.
 */
class PostgresContainerKvConnectionDetailsFactory
        extends ContainerConnectionDetailsFactory<Container<?>, KvConnectionDetails> {

    /** Testcontainers 2's PostgreSQL container, then its predecessor of Testcontainers 1. */
    private static final String[] CONTAINERS = {"org.testcontainers.postgresql.PostgreSQLContainer",
        "org.testcontainers.containers.PostgreSQLContainer"};

    private static final int PORT = 5432;

    PostgresContainerKvConnectionDetailsFactory() {
        super(ANY_CONNECTION_NAME);
    }

    /** Takes a container of one of the PostgreSQL classes, whatever its connection's name. */
    @Override
    protected boolean sourceAccepts(ContainerConnectionSource<Container<?>> source,
            Class<?> requiredContainerType, Class<?> requiredConnectionDetailsType) {
        ClassLoader loader = getClass().getClassLoader();
        for (String name : CONTAINERS) {
            if (ClassUtils.isPresent(name, loader) && source.accepts(ANY_CONNECTION_NAME,
                    ClassUtils.resolveClassName(name, loader), requiredConnectionDetailsType)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected KvConnectionDetails getContainerConnectionDetails(
            ContainerConnectionSource<Container<?>> source) {
        return new Details(source);
    }

    /** The URL of the container, read once it runs. */
    static final class Details extends ContainerConnectionDetails<Container<?>>
            implements KvConnectionDetails {

        Details(ContainerConnectionSource<Container<?>> source) {
            super(source);
        }

        @Override
        public String url() {
            Container<?> c = getContainer();
            Map<String, String> env = c.getEnvMap();
            return "kv:postgresql://" + c.getHost() + ":" + c.getMappedPort(PORT) + "/"
                    + env.get("POSTGRES_DB") + "?user=" + encode(env.get("POSTGRES_USER"))
                    + "&password=" + encode(env.get("POSTGRES_PASSWORD"));
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }
}
