package io.kv4j.tck.postgres;

import com.github.dockerjava.api.DockerClient;
import io.kv4j.tck.TckFixture;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The kit's hook into a PostgreSQL server in a container that Testcontainers starts, for a
 * vendor whose tests already use Docker ({@code kv.tck.fixture=}{@value #CLASS_NAME}, with
 * {@code org.testcontainers:testcontainers-postgresql} on the test class path). It starts the
 * image of system property {@value #IMAGE_PROPERTY} ({@value #DEFAULT_IMAGE} by default) with
 * {@code fsync=on} and {@code synchronous_commit=on}, as a production server runs (Testcontainers
 * turns fsync off unless told), and a password of its own, checks that both settings are on, and
 * offers every hook of the durability chapter, as {@link EmbeddedPostgresFixture} does: a clean
 * and an immediate restart of the server on the same port (KV-9.2), URLs on which commits lose
 * their answer (KV-9.3, KV-9.5) and a URL with no server (KV-9.4). It removes the container when
 * it stops.
 *
 * <p>The options in the query of the kit's URL, if it is a {@code kv:postgresql:} URL, are kept;
 * the host, port, database and credentials are the container's.
 */
public final class TestcontainersPostgresFixture implements TckFixture {

    /** The class name, by which {@code kv.tck.fixture} chooses this fixture. */
    public static final String CLASS_NAME = "io.kv4j.tck.postgres.TestcontainersPostgresFixture";

    /** The system property that names the image to run. */
    public static final String IMAGE_PROPERTY = "kv.tck.postgres.image";

    /** The image run when {@value #IMAGE_PROPERTY} is not set. */
    public static final String DEFAULT_IMAGE = "postgres:17";

    /** How long a restarted server may take to accept connections again. */
    private static final long START_SECONDS = 60;

    private PostgreSQLContainer container;
    private String jdbcUrl;
    private final PostgresFixture hooks = new PostgresFixture();

    /** Creates the fixture; the kit calls this. */
    public TestcontainersPostgresFixture() {
    }

    /**
     * Starts the container.
     *
     * @param configuredUrl null, or a {@code kv:postgresql:} URL whose options are kept
     * @return the URL of the container's database, with its user and password
     * @throws IllegalArgumentException when {@code configuredUrl} is another kind of URL
     * @throws IOException when the server does not run with fsync and synchronous_commit on
     */
    @Override
    public String start(String configuredUrl) throws IOException {
        String options = PostgresFixture.keptOptions(configuredUrl, CLASS_NAME);
        // fixed on the host, so that the URL stays the same over restarts of the container
        int port = PostgresFixture.freePort();
        container = new PostgreSQLContainer(System.getProperty(IMAGE_PROPERTY, DEFAULT_IMAGE))
                .withPassword("tck-" + UUID.randomUUID())
                .withCommand("postgres", "-c", "fsync=on", "-c", "synchronous_commit=on",
                        "-c", "max_connections=300");
        container.setPortBindings(List.of(port + ":" + PostgreSQLContainer.POSTGRESQL_PORT));
        try {
            container.start();
            jdbcUrl = "jdbc:postgresql://" + container.getHost() + ":" + port + "/"
                    + container.getDatabaseName();
            PostgresFixture.requireDurable(jdbcUrl, container.getUsername(),
                    container.getPassword());
        } catch (IOException | RuntimeException e) {
            stop();
            throw e;
        }
        return hooks.start("kv:postgresql://" + container.getHost() + ":" + port + "/"
                + container.getDatabaseName() + "?user=" + container.getUsername() + "&password="
                + container.getPassword() + options);
    }

    @Override
    public void stop() throws IOException {
        try {
            hooks.stop();
        } finally {
            if (container != null) {
                container.stop();
                container = null;
            }
        }
    }

    @Override
    public boolean durable() {
        return true;
    }

    @Override
    public boolean canRestart() {
        return true;
    }

    /**
     * Restarts the server: the container's PostgreSQL is stopped by a signal and the container
     * started again on the same data and port.
     *
     * @param immediate true for SIGQUIT, PostgreSQL's immediate shutdown: it exits at once,
     *     without a checkpoint, and recovers from its log when it starts; false for SIGINT, its
     *     fast shutdown, which ends the sessions and writes a checkpoint
     * @throws IOException when the server does not accept connections again within a minute
     */
    @Override
    public void restart(boolean immediate) throws IOException, InterruptedException {
        DockerClient docker = container.getDockerClient();
        String id = container.getContainerId();
        docker.killContainerCmd(id).withSignal(immediate ? "QUIT" : "INT").exec();
        docker.waitContainerCmd(id).start().awaitStatusCode(START_SECONDS, TimeUnit.SECONDS);
        docker.startContainerCmd(id).exec();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (true) {
            try (Connection c = DriverManager.getConnection(jdbcUrl, container.getUsername(),
                    container.getPassword())) {
                if (c.isValid(1)) {
                    return;
                }
            } catch (SQLException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("the restarted PostgreSQL container does not accept "
                            + "connections after " + START_SECONDS + " s: " + e, e);
                }
                Thread.sleep(100);
            }
        }
    }

    @Override
    public String unreachableUrl() {
        return hooks.unreachableUrl();
    }

    @Override
    public String commitCuttingUrl() {
        return hooks.commitCuttingUrl();
    }

    @Override
    public String commitCuttingUnreachableUrl() {
        return hooks.commitCuttingUnreachableUrl();
    }
}
