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
 * Counts network round trips to PostgreSQL, and the statements sent in them. A round trip is each
 * time a connection reads after having written: the client waited for an answer once. A statement
 * is each Execute or simple Query message of the frontend protocol, so that
 * {@code BEGIN; SELECT ...; COMMIT} sent in one round trip counts three. Given to the driver by the
 * option {@code socketFactory=io.kv4j.postgres.CountingSocketFactory} (with {@code sslmode=disable}
 * when counting statements: encrypted messages cannot be read); counts only I/O of the thread
 * inside {@link #count} or {@link #statements}, so pool housekeeping and the change listener are
 * left out.
 */
public final class CountingSocketFactory extends SocketFactory {

    /** Of the thread being counted: round trips, statements. */
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
        return measure(body)[0];
    }

    /**
     * Runs {@code body} and returns how many statements this thread sent in it.
     *
     * @param body what to measure
     * @return the statements
     */
    static long statements(Runnable body) {
        return measure(body)[1];
    }

    private static long[] measure(Runnable body) {
        long[] counter = {0, 0};
        COUNTER.set(counter);
        try {
            body.run();
        } finally {
            COUNTER.remove();
        }
        return counter;
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

    /** A socket that notes whether its last I/O was a write, and the messages written. */
    private static final class CountingSocket extends Socket {
        private volatile boolean wrote;
        private final Messages messages = new Messages();
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
                        messages.next((byte) b);
                        wrote = true;
                    }

                    @Override
                    public void write(byte[] buf, int off, int len) throws IOException {
                        out.write(buf, off, len);
                        for (int i = off; i < off + len; i++) {
                            messages.next(buf[i]);
                        }
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

    /**
     * Follows the frontend messages a connection writes: untyped ones (an SSL or GSS request,
     * then the startup message: a length and a code) until the startup message, then a type byte
     * and a length each. Counts the statements: Execute ({@code E}) and Query ({@code Q}).
     */
    private static final class Messages {
        /** The startup message's protocol code, 3.0; the requests before it have other codes. */
        private static final int PROTOCOL_3 = 196608;
        private boolean started;
        private final byte[] header = new byte[8];
        private int have;
        private long skip;

        void next(byte b) {
            if (skip > 0) {
                skip--;
                return;
            }
            header[have++] = b;
            if (started && have == 5) {
                // type, then a length that counts itself but not the type
                if (header[0] == 'E' || header[0] == 'Q') {
                    long[] counter = COUNTER.get();
                    if (counter != null) {
                        counter[1]++;
                    }
                }
                skip = readInt(1) - 4;
                have = 0;
            } else if (!started && have == 8) {
                // a length that counts itself, then a code
                started = readInt(4) == PROTOCOL_3;
                skip = readInt(0) - 8;
                have = 0;
            }
        }

        private int readInt(int at) {
            return (header[at] & 0xff) << 24 | (header[at + 1] & 0xff) << 16
                    | (header[at + 2] & 0xff) << 8 | header[at + 3] & 0xff;
        }
    }
}
