package io.kv4j.tck.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on the loopback address in front of a PostgreSQL server that loses the outcome of
 * every commit: it passes a connection's traffic both ways until the client sends a commit that
 * writes (its statements take a version from the schema's sequence), forwards it, and when the
 * server's answer comes back it closes the connection instead of passing the answer on. The
 * server has then run the commit, but the client cannot know it, as when a network fails at the
 * worst moment (KV-9.3). It knows one thing of the backend's SQL: a commit that writes calls
 * {@code nextval('<schema>.versions')}.
 */
public final class CommitCutter implements AutoCloseable {

    private final ServerSocket listener;
    private final String host;
    private final int port;
    private final byte[] marker;
    private final boolean thenRefuse;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    /** Set once a commit was cut, when every later connection is to be refused. */
    private volatile boolean down;

    /**
     * Starts the proxy.
     *
     * @param host the server's host
     * @param port the server's port
     * @param schema the schema whose writing commits are cut
     * @throws IOException when the proxy cannot listen
     */
    public CommitCutter(String host, int port, String schema) throws IOException {
        this(host, port, schema, false);
    }

    /**
     * Starts the proxy.
     *
     * @param host the server's host
     * @param port the server's port
     * @param schema the schema whose writing commits are cut
     * @param thenRefuse whether, once a commit was cut, every open connection is closed and every
     *     new one refused, as if the server had gone away with the answer
     * @throws IOException when the proxy cannot listen
     */
    public CommitCutter(String host, int port, String schema, boolean thenRefuse)
            throws IOException {
        this.host = host;
        this.port = port;
        this.thenRefuse = thenRefuse;
        this.marker = ("nextval('" + schema + ".versions')").getBytes(StandardCharsets.UTF_8);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon("kv4j-cutter-accept", this::accept);
    }

    /**
     * The port the proxy listens on, on the loopback address.
     *
     * @return the port
     */
    public int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            Socket client;
            Socket server;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (down) {
                closeQuietly(client);
                continue;
            }
            try {
                server = new Socket(host, port);
            } catch (IOException e) {
                closeQuietly(client);
                continue;
            }
            open.add(client);
            open.add(server);
            Link link = new Link(client, server);
            daemon("kv4j-cutter-up", link::up);
            daemon("kv4j-cutter-down", link::down);
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        open.forEach(CommitCutter::closeQuietly);
    }

    /** One client connection and its connection to the server. */
    private final class Link {

        private final Socket client;
        private final Socket server;
        private volatile boolean commitSent;

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        /** Client to server; notes when the commit call passes, even split across reads. */
        void up() {
            byte[] buffer = new byte[16 * 1024];
            byte[] window = new byte[0];
            try (InputStream in = client.getInputStream(); OutputStream out = server.getOutputStream()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    if (!commitSent) {
                        byte[] seen = Arrays.copyOf(window, window.length + n);
                        System.arraycopy(buffer, 0, seen, window.length, n);
                        commitSent = indexOf(seen, marker) >= 0;
                        window = Arrays.copyOfRange(seen, Math.max(0, seen.length - marker.length),
                                seen.length);
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // a side closed: the link ends
            } finally {
                end();
            }
        }

        /** Server to client, until the answer to the commit call, which is never delivered. */
        void down() {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = server.getInputStream(); OutputStream out = client.getOutputStream()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    if (commitSent) {
                        if (thenRefuse) {
                            // the server is gone: so is every connection to it
                            down = true;
                            open.forEach(CommitCutter::closeQuietly);
                        }
                        return;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // a side closed: the link ends
            } finally {
                end();
            }
        }

        private void end() {
            closeQuietly(client);
            closeQuietly(server);
            open.remove(client);
            open.remove(server);
        }
    }

    static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void daemon(String name, Runnable work) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing is best effort; the socket is gone either way
        }
    }
}
