package io.kv4j.postgres;

import io.kv4j.common.KvUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL server of this test JVM, started once, chosen by {@link ServerChoice}.
 */
final class TestServer {

    /** The password of the container's user. */
    static final String CONTAINER_PASSWORD = "kv4j-container-secret";

    private static TestServer instance;

    private final String url;
    private final Map<String, String> credentials;
    private final String jdbcUrl;
    private final AutoCloseable owned;

    private TestServer(String url, Map<String, String> credentials, AutoCloseable owned) {
        this.url = url;
        this.credentials = credentials;
        this.owned = owned;
        this.jdbcUrl = "jdbc:postgresql://" + url.substring(PgSettings.PREFIX.length());
    }

    static synchronized TestServer get() {
        if (instance == null) {
            instance = start(choice());
            TestServer started = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
        }
        return instance;
    }

    /** Which server the environment asks for. */
    static ServerChoice choice() {
        return ServerChoice.choose(System.getenv(ServerChoice.URL_VARIABLE),
                System.getProperty(ServerChoice.URL_VARIABLE),
                System.getProperty(ServerChoice.KIND_PROPERTY),
                () -> DockerClientFactory.instance().isDockerAvailable());
    }

    private static TestServer start(ServerChoice choice) {
        switch (choice.kind()) {
            case EXTERNAL:
                Map<String, String> options = KvUrl.queryOptions(choice.url());
                Map<String, String> credentials = new LinkedHashMap<>();
                credentials.put("user", options.getOrDefault("user", ""));
                credentials.put("password", options.getOrDefault("password", ""));
                return new TestServer(KvUrl.withoutQuery(choice.url()), credentials, null);
            case TESTCONTAINERS:
                PostgreSQLContainer container = container();
                container.start();
                return new TestServer("kv:postgresql://" + container.getHost() + ":"
                        + container.getFirstMappedPort() + "/" + container.getDatabaseName(),
                        Map.of("user", container.getUsername(),
                                "password", container.getPassword()), container::stop);
            default:
                EmbeddedPostgres pg = startEmbedded(0, null);
                return new TestServer("kv:postgresql://localhost:" + pg.getPort() + "/postgres",
                        Map.of("user", "postgres", "password", ""), pg);
        }
    }

    /**
     * The container of {@code -Dkv.test.postgres=testcontainers}, not started. It gets a password
     * of its own: Testcontainers' default, {@code test}, is also the database's name and user, so
     * that every URL of the server would hold the secret as a word (and the kit's check that no
     * secret is logged would find it in {@code .../test}).
     */
    static PostgreSQLContainer container() {
        return new PostgreSQLContainer("postgres:17").withPassword(CONTAINER_PASSWORD);
    }

    /**
     * An embedded server; a data directory that already holds a cluster is started as is.
     *
     * @param config more server settings, as name, value, name, value...
     */
    static EmbeddedPostgres startEmbedded(int port, Path dataDirectory, String... config) {
        try {
            EmbeddedPostgres.Builder b = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setRegisterShutdownHook(true);
            for (int i = 0; i < config.length; i += 2) {
                b.setServerConfig(config[i], config[i + 1]);
            }
            if (port > 0) {
                b.setPort(port);
            }
            if (dataDirectory != null) {
                b.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            return b.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
        }
    }

    /** Deletes a data directory that a restartable server kept, once the server is stopped. */
    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The store URL, without options. */
    String url() {
        return url;
    }

    /** Options for a store on a schema of its own, so that tests do not see each other. */
    Map<String, String> options(String schema) {
        Map<String, String> out = new LinkedHashMap<>(credentials);
        out.values().removeIf(String::isEmpty);
        out.put("schema", schema);
        return out;
    }

    /** A schema name no other test uses. */
    static String freshSchema(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /**
     * A login role that must give its password (SCRAM) over TCP, created once with no rights
     * beyond logging in, for the tests of authentication and least privilege. Skips the test on
     * a server whose {@code pg_hba.conf} this JVM cannot edit, such as an external one.
     */
    void passwordRole(String role, String password) throws SQLException, IOException {
        try (Connection c = admin(); Statement st = c.createStatement()) {
            st.execute("DO $$ BEGIN CREATE ROLE " + role + " LOGIN;"
                    + " EXCEPTION WHEN duplicate_object THEN NULL; END $$");
            st.execute("ALTER ROLE " + role + " PASSWORD '" + password + "'");
            Path hba;
            try (ResultSet rs = st.executeQuery("SHOW hba_file")) {
                rs.next();
                hba = Path.of(rs.getString(1));
            }
            Assumptions.assumeTrue(Files.isWritable(hba),
                    "the server's pg_hba.conf cannot be edited from here: " + hba);
            String rules = Files.readString(hba, StandardCharsets.UTF_8);
            String mine = "host all " + role + " 127.0.0.1/32 scram-sha-256\n"
                    + "host all " + role + " ::1/128 scram-sha-256\n";
            if (!rules.contains(mine)) {
                // the first matching line decides: these go before the file's trust lines
                Files.writeString(hba, mine + rules, StandardCharsets.UTF_8);
                st.execute("SELECT pg_reload_conf()");
            }
        }
        // the postmaster rereads the file on its own time: wait until it asks for the password
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            try (Connection c = DriverManager.getConnection(jdbcUrl, role, password + "-not")) {
                if (c.isValid(1) && System.nanoTime() > deadline) {
                    throw new AssertionError("the server does not ask " + role + " for a password");
                }
            } catch (SQLException e) {
                return;
            }
            Backends.sleep(20);
        }
    }

    /** A direct connection, for setting up faults and looking at the tables. */
    Connection admin() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, credentials.get("user"),
                credentials.get("password"));
    }

    private void stop() {
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception ignored) {
                // the JVM is exiting
            }
        }
    }
}
