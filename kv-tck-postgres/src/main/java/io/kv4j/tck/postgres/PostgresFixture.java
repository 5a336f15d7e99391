package io.kv4j.tck.postgres;

import io.kv4j.tck.TckFixture;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The kit's hooks into a PostgreSQL server that runs already, named by the kit's URL
 * ({@code kv tck --url kv:postgresql://host:5432/db?user=...&password=... --fixture postgres}):
 * URLs on which every commit loses its answer (KV-9.3, KV-9.5), through proxies in front of the
 * server, one of which then refuses every connection, and a URL with no server behind it
 * (KV-9.4). It restarts the server (KV-9.2) when given a command that does,
 * {@value #RESTART}; without it that part of KV-9.2 is reported untested, saying so.
 *
 * <p>When the run ends, it drops the URL's schema if the backend created it for the run; a schema
 * that existed before is left, and the run's output says what of the run is left in it.
 */
public class PostgresFixture implements TckFixture {

    /** The name {@code kv.tck.fixture} and {@code kv tck --fixture} know this fixture by. */
    public static final String NAME = "postgres";

    /**
     * The kit parameter that gives the command restarting the server, run with {@code sh -c},
     * in which {@code {mode}} stands for {@code fast} (a clean stop) or {@code immediate} (as a
     * crash), such as {@code pg_ctl -D /var/lib/postgresql/17/main restart -m {mode} -w}.
     */
    public static final String RESTART = "kv.tck.postgres.restart";

    /** How long the restart command, and then the server, may take to be back. */
    private static final long RESTART_TIMEOUT_MS = 120_000;

    private static final String PREFIX = "kv:postgresql://";
    /** The backend's schema when the URL names none. */
    private static final String DEFAULT_SCHEMA = "kv4j";

    private CommitCutter cutter;
    private CommitCutter cutterThenDown;
    private String path;
    private String url;
    private String restart;
    private RunSchema schema;

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
        url = configuredUrl;
        schema = RunSchema.before(configuredUrl);
        return configuredUrl;
    }

    /**
     * Starts as {@link #start(String)} does, and takes the command that restarts the server from
     * the kit parameter {@value #RESTART}.
     *
     * @throws IllegalArgumentException when the command has no {@code {mode}}
     */
    @Override
    public String start(String configuredUrl, Function<String, Optional<String>> parameters)
            throws IOException {
        restart = parameters.apply(RESTART).map(String::trim).filter(c -> !c.isEmpty())
                .orElse(null);
        if (restart != null && !restart.contains("{mode}")) {
            throw new IllegalArgumentException(RESTART + " must hold {mode}, which the fixture "
                    + "replaces by fast for a clean restart and by immediate for one as after a "
                    + "crash (pg_ctl restart -m {mode}), but was: " + restart);
        }
        return start(configuredUrl);
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

    /** Drops the URL's schema if the run created it, else says what of the run is left in it. */
    @Override
    public String cleanUp() {
        return schema == null ? null : schema.after();
    }

    @Override
    public boolean canRestart() {
        return restart != null;
    }

    /**
     * Runs the restart command, then waits until the server answers a query.
     *
     * @throws IOException when the command fails or the server is not back in time
     */
    @Override
    public void restart(boolean immediate) throws IOException, InterruptedException {
        String command = restart.replace("{mode}", immediate ? "immediate" : "fast");
        // to a file, not a pipe: a server that the command starts keeps its output open for good
        Path log = Files.createTempFile("kv4j-tck-restart", ".log");
        try {
            Process p = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(RESTART_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException("the restart command did not end within "
                        + RESTART_TIMEOUT_MS + " ms: " + command);
            }
            if (p.exitValue() != 0) {
                throw new IOException("the restart command failed (exit code " + p.exitValue()
                        + "): " + command + "\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
        } finally {
            Files.deleteIfExists(log);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RESTART_TIMEOUT_MS);
        while (true) {
            try (Connection c = RunSchema.connect(url); Statement s = c.createStatement()) {
                s.execute("SELECT 1");
                return;
            } catch (SQLException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("the server did not answer within " + RESTART_TIMEOUT_MS
                            + " ms of its restart: " + e.getMessage(), e);
                }
                // the server is starting or recovering: ask again shortly
                Thread.sleep(200);
            }
        }
    }

    /** What would let this fixture restart the server. */
    @Override
    public String howToOffer(Hook hook) {
        // short enough for the one line of a verdict, which shows 300 characters
        return hook != Hook.RESTART ? null : "set " + RESTART + " to a command that restarts the "
                + "server keeping its data, {mode} standing for fast or immediate, such as "
                + "'pg_ctl -D DATADIR restart -m {mode} -w'";
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
