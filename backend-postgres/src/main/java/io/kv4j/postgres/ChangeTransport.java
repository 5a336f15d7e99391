package io.kv4j.postgres;

import io.kv4j.spi.Commit;
import java.util.List;

/**
 * How the caches of different processes learn of each other's commits. The PostgreSQL
 * implementation is LISTEN/NOTIFY ({@link NotifyTransport}); a distributed engine without it
 * would need another (CockroachDB has changefeeds).
 */
interface ChangeTransport extends AutoCloseable {

    /** No announcements either way: a store opened with {@code cache=false&notify=false}. */
    ChangeTransport NONE = new ChangeTransport() {
        @Override
        public void announce(List<Commit.Write> writes) {
        }

        @Override
        public void announceAll() {
        }

        @Override
        public void receive(Sink sink) {
        }

        @Override
        public void close() {
        }
    };

    /** What the transport tells a cache. */
    interface Sink extends ChangeFormat.Reader {
        /** Announcements are being received: a cache may serve from now on. */
        void receiving();

        /** Announcements may have been missed: a cache must stop serving and forget. */
        void lost();
    }

    /** Announces the keys a commit of this process wrote, after it returned. */
    void announce(List<Commit.Write> writes);

    /** Announces that anything may have changed, such as after a namespace was deleted. */
    void announceAll();

    /** Starts telling {@code sink} of the other processes' commits. */
    void receive(Sink sink);

    @Override
    void close();
}
