package io.kv4j.postgres;

import io.kv4j.tck.postgres.EmbeddedPostgresFixture;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

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
            EmbeddedPostgresFixture.pgCtlStop(data, "immediate");
        }
        // after an immediate stop this only releases the data directory's lock
        server.close();
        server = null;
    }

    /** Starts the stopped server again on the same port and data. */
    void startAgain() {
        server = start();
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
        }
        TestServer.deleteTree(data);
    }
}
