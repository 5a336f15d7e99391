package io.kv4j.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An embedded PostgreSQL of a test's own, on a port and data directory it keeps, with the durable
 * settings of a production server (fsync and synchronous_commit on; the embedded server's
 * defaults turn both off), which it can stop cleanly or immediately and start again.
 */
final class DurableServer implements AutoCloseable {

    private final Path data;
    private final int port;
    private EmbeddedPostgres server;

    DurableServer() throws IOException {
        this.data = Files.createTempDirectory("kv4j-durable");
        try (ServerSocket free = new ServerSocket(0)) {
            this.port = free.getLocalPort();
        }
        this.server = start();
    }

    private EmbeddedPostgres start() {
        return TestServer.startEmbedded(port, data, "fsync", "on", "synchronous_commit", "on");
    }

    int port() {
        return port;
    }

    /** The store URL of the server, without options. */
    String url() {
        return "kv:postgresql://localhost:" + port + "/postgres";
    }

    /** Stops the server: {@code immediate} as after a crash (no checkpoint), else cleanly. */
    void stop(boolean immediate) throws IOException, InterruptedException {
        if (immediate) {
            pgCtlStop("immediate");
        }
        // after an immediate stop this only releases the data directory's lock
        server.close();
        server = null;
    }

    /** Starts the stopped server again on the same port and data. */
    void startAgain() {
        server = start();
    }

    /** {@code pg_ctl stop -m MODE}: immediate exits at once, and recovers when it starts. */
    private void pgCtlStop(String mode) throws IOException, InterruptedException {
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        String postgres = ProcessHandle.of(pid).flatMap(p -> p.info().command())
                .orElseThrow(() -> new IOException("cannot find the binary of postmaster " + pid));
        List<String> command = new ArrayList<>();
        if (System.getProperty("user.name").equals("root")) {
            // pg_ctl refuses to run as root; the embedded server runs its tools the same way
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(Path.of(postgres).resolveSibling("pg_ctl").toString(), "-D",
                data.toString(), "stop", "-m", mode, "-w", "-t", "30"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("pg_ctl stop -m " + mode + " failed: " + output);
        }
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
        }
        TestServer.deleteTree(data);
    }
}
