package io.kv4j.postgres;

import io.kv4j.tck.TckFixture;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The compatibility kit's hook into PostgreSQL: the server the kit runs against, a restart of it
 * (clean, or immediate as after a crash), a URL whose commits lose their outcome, and a URL with
 * no server behind it.
 *
 * <p>By default it runs an embedded PostgreSQL of its own, on a data directory and port it keeps,
 * so that it can restart the server without disturbing the other tests' server. When
 * {@code KV_TEST_POSTGRES_URL} or {@code -Dkv.test.postgres} chooses another server
 * ({@link ServerChoice}), it uses that one and offers no restart. The kit's own URL setting is not
 * used: the hooks need the server this fixture knows.
 */
public final class PostgresTckFixture implements TckFixture {

    /** The schema the kit's stores use, apart from every other test's. */
    static final String SCHEMA = "tck";

    private Path data;
    private int port;
    private EmbeddedPostgres server;
    private CommitCutter cutter;
    private CommitCutter cutterThenDown;
    private String database;
    private String query;

    /** Creates the fixture; the kit calls this. */
    public PostgresTckFixture() {
    }

    @Override
    public String start(String configuredUrl) throws IOException {
        String base;
        Map<String, String> options;
        if (TestServer.choice().kind() == ServerChoice.Kind.EMBEDDED) {
            data = Files.createTempDirectory("kv4j-tck");
            port = freePort();
            server = startServer();
            base = "kv:postgresql://localhost:" + port + "/postgres";
            options = new LinkedHashMap<>();
            options.put("user", "postgres");
            options.put("schema", SCHEMA);
        } else {
            base = TestServer.get().url();
            options = TestServer.get().options(SCHEMA);
        }
        PgSettings settings = PgSettings.parse(base, Map.of());
        database = base.substring(base.indexOf('/', PgSettings.PREFIX.length()));
        query = query(options);
        cutter = new CommitCutter(settings.host(), settings.port(), SCHEMA);
        cutterThenDown = new CommitCutter(settings.host(), settings.port(), SCHEMA, true);
        return base + "?" + query;
    }

    @Override
    public void stop() throws IOException {
        try {
            if (cutter != null) {
                cutter.close();
                cutterThenDown.close();
            }
        } finally {
            if (server != null) {
                server.close();
                TestServer.deleteTree(data);
            }
        }
    }

    @Override
    public boolean durable() {
        return true;
    }

    @Override
    public boolean canRestart() {
        return server != null;
    }

    @Override
    public void restart(boolean immediate) throws IOException, InterruptedException {
        if (immediate) {
            stopImmediately();
        }
        // after an immediate stop this only releases the data directory's lock
        server.close();
        server = startServer();
    }

    @Override
    public String unreachableUrl() {
        try {
            return "kv:postgresql://" + InetAddress.getLoopbackAddress().getHostAddress() + ":"
                    + freePort() + database + "?" + query
                    + "&connect-timeout-ms=1000&pool-timeout-ms=1000";
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public String commitCuttingUrl() {
        return "kv:postgresql://" + InetAddress.getLoopbackAddress().getHostAddress() + ":"
                + cutter.port() + database + "?" + query;
    }

    @Override
    public String commitCuttingUnreachableUrl() {
        // the lookup gives up after a second, so the kit does not wait the default ten
        return "kv:postgresql://" + InetAddress.getLoopbackAddress().getHostAddress() + ":"
                + cutterThenDown.port() + database + "?" + query
                + "&outcome-timeout-ms=1000&connect-timeout-ms=1000&pool-timeout-ms=1000";
    }

    /**
     * Commits must reach the server's log before they return, as on a production server, or an
     * immediate shutdown could lose them; the embedded server's defaults turn this off for speed.
     */
    private EmbeddedPostgres startServer() {
        return TestServer.startEmbedded(port, data, "synchronous_commit", "on");
    }

    /** {@code pg_ctl stop -m immediate}: the server exits at once, and recovers when it starts. */
    private void stopImmediately() throws IOException, InterruptedException {
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        String postgres = ProcessHandle.of(pid).flatMap(p -> p.info().command())
                .orElseThrow(() -> new IOException("cannot find the binary of postmaster " + pid));
        List<String> command = new ArrayList<>();
        if (System.getProperty("user.name").equals("root")) {
            // pg_ctl refuses to run as root; the embedded server runs its tools the same way
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(Path.of(postgres).resolveSibling("pg_ctl").toString(), "-D",
                data.toString(), "stop", "-m", "immediate", "-w", "-t", "30"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("pg_ctl stop -m immediate failed: " + output);
        }
    }

    private static String query(Map<String, String> options) {
        StringBuilder b = new StringBuilder();
        options.forEach((name, value) -> b.append(b.length() == 0 ? "" : "&").append(name)
                .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)
                        .replace("+", "%20")));
        return b.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
