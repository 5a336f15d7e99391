package io.kv4j.spring.boot.autoconfigure;

import io.kv4j.common.KvUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The PostgreSQL server of this test JVM: the one {@code KV_TEST_POSTGRES_URL} names (environment
 * variable or system property, a {@code kv:postgresql://host:port/db?user=..&password=..} URL),
 * else an embedded PostgreSQL 17 started once and stopped when the JVM exits. A test that stops
 * its server takes one of its own from {@link #startOwn()}.
 */
public final class TestPostgres {

    static final String URL_VARIABLE = "KV_TEST_POSTGRES_URL";

    private static TestPostgres instance;

    private final String host;
    private final String database;
    private final String user;
    private final String password;
    /** The server, when it is a test's own; null for the shared one. */
    private final EmbeddedPostgres own;
    private boolean stopped;

    private TestPostgres(String host, String database, String user, String password,
            EmbeddedPostgres own) {
        this.host = host;
        this.database = database;
        this.user = user;
        this.password = password;
        this.own = own;
    }

    public static synchronized TestPostgres get() {
        if (instance == null) {
            String given = System.getProperty(URL_VARIABLE, System.getenv(URL_VARIABLE));
            instance = given == null || given.isBlank() ? embedded() : external(given.trim());
        }
        return instance;
    }

    private static TestPostgres embedded() {
        return new TestPostgres("localhost:" + startEmbedded().getPort(), "postgres", "postgres",
                "", null);
    }

    /**
     * An embedded server of the caller's own, to stop under a store with {@link #stop()}.
     *
     * @return the server, started
     */
    public static TestPostgres startOwn() {
        EmbeddedPostgres pg = startEmbedded();
        return new TestPostgres("localhost:" + pg.getPort(), "postgres", "postgres", "", pg);
    }

    private static EmbeddedPostgres startEmbedded() {
        try {
            return EmbeddedPostgres.builder().setRegisterShutdownHook(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
        }
    }

    /** Stops a server of {@link #startOwn()}, once: its port then refuses connections. */
    public synchronized void stop() {
        if (own == null) {
            throw new IllegalStateException("the shared test server is not stopped by a test");
        }
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            own.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop the embedded PostgreSQL", e);
        }
    }

    private static TestPostgres external(String url) {
        Map<String, String> options = KvUrl.queryOptions(url);
        String rest = KvUrl.withoutQuery(url).substring("kv:postgresql://".length());
        int slash = rest.indexOf('/');
        return new TestPostgres(rest.substring(0, slash), rest.substring(slash + 1),
                options.getOrDefault("user", ""), options.getOrDefault("password", ""), null);
    }

    /** The store URL of a database of the server, without options. */
    String url(String db) {
        return "kv:postgresql://" + host + "/" + db;
    }

    /** The store URL of the test database, without options. */
    String url() {
        return url(database);
    }

    /** Properties for a store of its own: the URL, the credentials and a fresh schema. */
    public String[] properties() {
        return properties(url());
    }

    /** Properties for a store of its own on a URL of this server. */
    String[] properties(String url) {
        List<String> out = new ArrayList<>(List.of("kv.url=" + url, "kv.user=" + user,
                "kv.schema=" + freshSchema()));
        if (!password.isEmpty()) {
            out.add("kv.password=" + password);
        }
        return out.toArray(String[]::new);
    }

    String user() {
        return user;
    }

    String jdbcUrl(String db) {
        return "jdbc:postgresql://" + host + "/" + db;
    }

    String jdbcUrl() {
        return jdbcUrl(database);
    }

    static String freshSchema() {
        return "spring_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** A direct connection to the test database, to change the server under a store. */
    Connection admin() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, password);
    }
}
