package io.kv4j.tck.postgres;

import io.kv4j.tck.TckFixture;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The kit's hook into a PostgreSQL 17 server of its own ({@code kv tck --fixture
 * postgres-embedded}): it starts an embedded server on a fresh data directory and a free port
 * with {@code fsync=on} and {@code synchronous_commit=on}, as a production server runs, checks
 * that both are on, and offers every hook of the durability chapter: a clean and an immediate
 * restart of the server (KV-9.2), URLs on which commits lose their answer (KV-9.3, KV-9.5) and a
 * URL with no server (KV-9.4). It deletes the server's data when it stops.
 *
 * <p>The options in the query of the kit's URL, if it is a {@code kv:postgresql:} URL, are kept
 * (for example {@code kv:postgresql:?cache=false}); the host, port, database and user are the
 * fixture's.
 */
public final class EmbeddedPostgresFixture implements TckFixture {

    /** The name {@code kv.tck.fixture} and {@code kv tck --fixture} know this fixture by. */
    public static final String NAME = "postgres-embedded";

    private Path data;
    private int port;
    private EmbeddedPostgres server;
    private final PostgresFixture hooks = new PostgresFixture();

    /** Creates the fixture; the kit calls this. */
    public EmbeddedPostgresFixture() {
    }

    /**
     * Starts the server.
     *
     * @param configuredUrl null, or a {@code kv:postgresql:} URL whose options are kept
     * @return the URL of the server's {@code postgres} database, user {@code postgres}
     * @throws IllegalArgumentException when {@code configuredUrl} is another kind of URL
     * @throws IOException when the server cannot start, or does not run with fsync and
     *     synchronous_commit on
     */
    @Override
    public String start(String configuredUrl) throws IOException {
        String options = "user=postgres" + PostgresFixture.keptOptions(configuredUrl, NAME);
        data = Files.createTempDirectory("kv4j-tck-postgres");
        port = PostgresFixture.freePort();
        try {
            server = startServer();
            PostgresFixture.requireDurable("jdbc:postgresql://localhost:" + port + "/postgres",
                    "postgres", "");
        } catch (IOException | RuntimeException e) {
            stop();
            throw e;
        }
        return hooks.start("kv:postgresql://localhost:" + port + "/postgres?" + options);
    }

    @Override
    public void stop() throws IOException {
        try {
            hooks.stop();
        } finally {
            if (server != null) {
                server.close();
                server = null;
            }
            if (data != null) {
                deleteTree(data);
                data = null;
            }
        }
    }

    /** Everything the run wrote went with the server's data directory. */
    @Override
    public String cleanUp() {
        return "stopped the PostgreSQL server it started and deleted its data directory";
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
     * Restarts the server on the same data directory and port.
     *
     * @param immediate true for {@code pg_ctl stop -m immediate}: the server exits at once,
     *     without a checkpoint, and recovers from its log when it starts
     */
    @Override
    public void restart(boolean immediate) throws IOException, InterruptedException {
        if (immediate) {
            pgCtlStop(data, "immediate");
        }
        // after an immediate stop this only releases the data directory's lock
        server.close();
        server = startServer();
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

    /**
     * A commit that returned must be on disk, as on a production server, or an immediate shutdown
     * could lose it: the embedded server turns fsync off (its {@code -F}) and these settings,
     * given after it, turn it on again.
     */
    private EmbeddedPostgres startServer() throws IOException {
        return EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "300")
                .setPort(port)
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(true)
                .start();
    }

    /**
     * Stops the server of a data directory with {@code pg_ctl stop -m MODE}, as tests that stop
     * a server between requests need: {@code immediate} exits at once, without a checkpoint, as
     * after a crash, and the server recovers from its log when it starts; {@code fast} stops it
     * cleanly. The embedded server's handle must still be closed afterwards.
     *
     * @param data the server's data directory
     * @param mode {@code immediate}, {@code fast} or {@code smart}
     * @throws IOException when pg_ctl cannot be found or fails
     * @throws InterruptedException when interrupted while pg_ctl runs
     */
    public static void pgCtlStop(Path data, String mode) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(pgCtl(data));
        command.addAll(List.of("stop", "-m", mode, "-w", "-t", "30"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("pg_ctl stop -m " + mode + " failed: " + output);
        }
    }

    /**
     * The command that runs {@code pg_ctl} of the running server of a data directory on it:
     * {@code pg_ctl -D DATA}, beside the server's binary, through {@code unshare -U} when run as
     * root, since pg_ctl refuses root, as the embedded server runs its tools.
     *
     * @param data the server's data directory
     * @return the command, to which pg_ctl's action and options are added
     * @throws IOException when the server of the directory or its binary cannot be found
     */
    public static List<String> pgCtl(Path data) throws IOException {
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        String postgres = ProcessHandle.of(pid).flatMap(p -> p.info().command())
                .orElseThrow(() -> new IOException("cannot find the binary of postmaster " + pid));
        List<String> command = new ArrayList<>();
        if (System.getProperty("user.name").equals("root")) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(Path.of(postgres).resolveSibling("pg_ctl").toString(), "-D",
                data.toString()));
        return command;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
