package io.kv4j.postgres;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Counts network round trips to PostgreSQL: each time a connection reads after having written,
 * the client waited for an answer once. Given to the driver by the option
 * {@code socketFactory=io.kv4j.postgres.CountingSocketFactory}; counts only I/O of the thread
 * inside {@link #count}, so pool housekeeping and the change listener are left out.
 */
public final class CountingSocketFactory extends SocketFactory {

    private static final ThreadLocal<long[]> COUNTER = new ThreadLocal<>();

    /** Created by the driver. */
    public CountingSocketFactory() {
    }

    /**
     * Runs {@code body} and returns how many round trips this thread made in it.
     *
     * @param body what to measure
     * @return the round trips
     */
    static long count(Runnable body) {
        long[] counter = {0};
        COUNTER.set(counter);
        try {
            body.run();
        } finally {
            COUNTER.remove();
        }
        return counter[0];
    }

    @Override
    public Socket createSocket() {
        return new CountingSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket s = new CountingSocket();
        s.connect(new java.net.InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress local, int localPort)
            throws IOException {
        throw new UnsupportedOperationException("not used by the driver");
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket s = new CountingSocket();
        s.connect(new java.net.InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort)
            throws IOException {
        throw new UnsupportedOperationException("not used by the driver");
    }

    /** A socket that notes whether its last I/O was a write. */
    private static final class CountingSocket extends Socket {
        private volatile boolean wrote;
        private InputStream in;
        private OutputStream out;

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (in == null) {
                in = new FilterInputStream(super.getInputStream()) {
                    @Override
                    public int read() throws IOException {
                        int b = super.read();
                        noteRead();
                        return b;
                    }

                    @Override
                    public int read(byte[] buf, int off, int len) throws IOException {
                        int n = super.read(buf, off, len);
                        noteRead();
                        return n;
                    }
                };
            }
            return in;
        }

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (out == null) {
                out = new FilterOutputStream(super.getOutputStream()) {
                    @Override
                    public void write(int b) throws IOException {
                        out.write(b);
                        wrote = true;
                    }

                    @Override
                    public void write(byte[] buf, int off, int len) throws IOException {
                        out.write(buf, off, len);
                        wrote = true;
                    }
                };
            }
            return out;
        }

        private void noteRead() {
            long[] counter = COUNTER.get();
            if (wrote && counter != null) {
                counter[0]++;
            }
            wrote = false;
        }
    }
}
