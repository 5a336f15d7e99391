package io.kv4j.postgres;

import io.kv4j.spi.Commit;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Change announcements through PostgreSQL's LISTEN/NOTIFY on the channel {@code <schema>_changes}:
 * sent after each commit by {@link Notifier}, received on a connection of its own by
 * {@link ChangeListener}, in the format of {@link ChangeFormat}. A process ignores its own
 * announcements by their origin, an id of its own.
 */
final class NotifyTransport implements ChangeTransport {

    private final DataSource pool;
    private final DataSource source;
    private final String channel;
    private final String origin = UUID.randomUUID().toString().substring(0, 13);
    /** Null when this process sends no notifications ({@code notify=false}). */
    private final Notifier notifier;
    private ChangeListener listener;

    /**
     * @param pool where announcements are sent from
     * @param source where the listening connection comes from, outside the pool
     * @param channel the channel of the schema
     * @param send whether to announce this process's commits
     */
    NotifyTransport(DataSource pool, DataSource source, String channel, boolean send) {
        this.pool = pool;
        this.source = source;
        this.channel = channel;
        this.notifier = send ? new Notifier(pool, channel, origin) : null;
    }

    @Override
    public void announce(List<Commit.Write> writes) {
        if (notifier != null) {
            notifier.committed(writes);
        }
    }

    @Override
    public void announceAll() {
        if (notifier != null) {
            notifier.everything();
        }
    }

    @Override
    public synchronized void receive(Sink sink) {
        if (listener == null) {
            listener = new ChangeListener(source, channel, origin, sink);
            listener.start();
        }
    }

    @Override
    public synchronized void close() {
        if (listener != null) {
            listener.close();
        }
        if (notifier != null) {
            notifier.close();
        }
    }

    @Override
    public String toString() {
        return "NotifyTransport[" + channel + ", " + pool + "]";
    }
}
