package io.kv4j.tck.postgres;

import io.kv4j.tck.TckFixture;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The kit's hooks into a PostgreSQL server that runs already, named by the kit's URL
 * ({@code kv tck --url kv:postgresql://host:5432/db?user=...&password=... --fixture postgres}):
 * URLs on which every commit loses its answer (KV-9.3, KV-9.5), through proxies in front of the
 * server, one of which then refuses every connection, and a URL with no server behind it
 * (KV-9.4). It cannot restart the server, so the restart part of
 * KV-9.2 is reported untested; {@link EmbeddedPostgresFixture} can.
 */
public class PostgresFixture implements TckFixture {

    /** The name {@code kv.tck.fixture} and {@code kv tck --fixture} know this fixture by. */
    public static final String NAME = "postgres";

    private static final String PREFIX = "kv:postgresql://";
    /** The backend's schema when the URL names none. */
    private static final String DEFAULT_SCHEMA = "kv4j";

    private CommitCutter cutter;
    private CommitCutter cutterThenDown;
    private String path;

    /** Creates the fixture; the kit calls this. */
    public PostgresFixture() {
    }

    /**
     * Starts the proxy in front of the server of {@code configuredUrl}.
     *
     * @param configuredUrl a {@code kv:postgresql://host[:port]/database[?options]} URL
     * @return the URL itself
     * @throws IllegalArgumentException when the URL is not such a URL
     * @throws IOException when the proxy cannot listen
     */
    @Override
    public String start(String configuredUrl) throws IOException {
        if (configuredUrl == null || !configuredUrl.startsWith(PREFIX)) {
            throw new IllegalArgumentException("The fixture " + NAME + " needs the URL of a "
                    + "PostgreSQL server, kv:postgresql://host[:port]/database?user=...; use the "
                    + "fixture " + EmbeddedPostgresFixture.NAME + " to start a server of its own");
        }
        int query = configuredUrl.indexOf('?');
        String rest = configuredUrl.substring(PREFIX.length(),
                query < 0 ? configuredUrl.length() : query);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = authority.lastIndexOf(':');
        String host = colon < 0 ? authority : authority.substring(0, colon);
        int port = colon < 0 ? 5432 : Integer.parseInt(authority.substring(colon + 1));
        // the database and the options, which the hook URLs keep
        path = (slash < 0 ? "/" : rest.substring(slash)) + (query < 0 ? "" : configuredUrl.substring(query));
        String server = host.isEmpty() ? "localhost" : host;
        cutter = new CommitCutter(server, port, schema(configuredUrl));
        cutterThenDown = new CommitCutter(server, port, schema(configuredUrl), true);
        return configuredUrl;
    }

    @Override
    public void stop() throws IOException {
        try {
            if (cutter != null) {
                cutter.close();
            }
        } finally {
            if (cutterThenDown != null) {
                cutterThenDown.close();
            }
        }
    }

    @Override
    public boolean durable() {
        return true;
    }

    /**
     * A URL of the same database through a port with no server, failing within one second.
     *
     * @return the URL, or null when no free port is found
     */
    @Override
    public String unreachableUrl() {
        try {
            return PREFIX + InetAddress.getLoopbackAddress().getHostAddress() + ":" + freePort()
                    + path + (path.indexOf('?') < 0 ? "?" : "&")
                    + "connect-timeout-ms=1000&pool-timeout-ms=1000";
        } catch (IOException e) {
            return null;
        }
    }

    /** A URL of the same database through the proxy that cuts every writing commit's answer. */
    @Override
    public String commitCuttingUrl() {
        return PREFIX + InetAddress.getLoopbackAddress().getHostAddress() + ":" + cutter.port()
                + path;
    }

    /**
     * A URL of the same database through a proxy that cuts the first writing commit's answer and
     * then refuses every connection, for KV-9.3 on a backend that resolves lost commits; it gives
     * up looking the commit up after a second.
     */
    @Override
    public String commitCuttingUnreachableUrl() {
        return PREFIX + InetAddress.getLoopbackAddress().getHostAddress() + ":"
                + cutterThenDown.port() + path + (path.indexOf('?') < 0 ? "?" : "&")
                + "outcome-timeout-ms=1000&connect-timeout-ms=1000&pool-timeout-ms=1000";
    }

    /** The schema option of a URL, or the backend's default. */
    static String schema(String url) {
        int query = url.indexOf('?');
        if (query >= 0) {
            for (String pair : url.substring(query + 1).split("&")) {
                if (pair.startsWith("schema=")) {
                    return URLDecoder.decode(pair.substring("schema=".length()),
                            StandardCharsets.UTF_8);
                }
            }
        }
        return DEFAULT_SCHEMA;
    }

    /**
     * The options of a fixture's configured URL that the URL of the server it starts keeps: all
     * but the credentials, which are the server's.
     *
     * @param configuredUrl null, or a {@code kv:postgresql:} URL
     * @param fixture the fixture's name, for the error
     * @return {@code &name=value...}, or empty
     * @throws IllegalArgumentException when the URL is another store's
     */
    static String keptOptions(String configuredUrl, String fixture) {
        if (configuredUrl == null) {
            return "";
        }
        if (!configuredUrl.startsWith("kv:postgresql:")) {
            throw new IllegalArgumentException("The fixture " + fixture + " starts a PostgreSQL "
                    + "server, so the kit's URL can only be a kv:postgresql: URL whose options "
                    + "it keeps, not another store's URL");
        }
        StringBuilder options = new StringBuilder();
        int query = configuredUrl.indexOf('?');
        for (String pair : query < 0 ? new String[0]
                : configuredUrl.substring(query + 1).split("&")) {
            if (!pair.isEmpty() && !pair.startsWith("user=") && !pair.startsWith("password=")) {
                options.append('&').append(pair);
            }
        }
        return options.toString();
    }

    /**
     * Fails unless a server runs with fsync and synchronous_commit on, as a production server
     * does: otherwise a commit that returned could be lost by an immediate shutdown.
     *
     * @throws IOException when a setting is off or cannot be read
     */
    static void requireDurable(String jdbcUrl, String user, String password) throws IOException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
                Statement s = c.createStatement()) {
            for (String setting : List.of("fsync", "synchronous_commit")) {
                try (ResultSet r = s.executeQuery("SHOW " + setting)) {
                    r.next();
                    if (!r.getString(1).equals("on")) {
                        throw new IOException("the PostgreSQL server of " + jdbcUrl + " runs with "
                                + setting + "=" + r.getString(1) + ", not on");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IOException("cannot check the settings of the PostgreSQL server of "
                    + jdbcUrl + ": " + e, e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
