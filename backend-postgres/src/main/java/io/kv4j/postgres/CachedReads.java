package io.kv4j.postgres;

import io.kv4j.spi.Commit;
import io.kv4j.spi.Entry;
import java.util.ArrayList;
import java.util.List;

/**
 * The read cache and everything that keeps it fresh, in one place: the cache with its stamps
 * ({@link ReadCache}), the other caches on the same data in this JVM ({@link Peers}), and the
 * announcements to and from other processes ({@link ChangeTransport}).
 *
 * <p>The rules it keeps: a commit's writes enter this cache and leave every other cache of this
 * JVM before the commit returns, and are announced to other processes after it; a failed commit
 * drops what it read and wrote everywhere here; while announcements may be missed, this cache
 * serves nothing. What it serves may still be out of date by the time a notification takes to
 * arrive, which is why every cached read is checked at commit.
 *
 * <p>With {@code cache=false} the cache is {@link ReadCache#OFF}, and this only announces and
 * clears the other caches of this JVM.
 */
final class CachedReads implements ChangeTransport.Sink, AutoCloseable {

    private final String identity;
    private final ReadCache cache;
    private final ChangeTransport transport;

    /**
     * Joins the caches of this JVM on the same data; the caller starts the transport's
     * receiving, when the cache serves.
     *
     * @param identity which data the cache holds: server, database and schema
     * @param cache the cache, {@link ReadCache#OFF} when off
     * @param transport the announcements, {@link ChangeTransport#NONE} for none
     */
    CachedReads(String identity, ReadCache cache, ChangeTransport transport) {
        this.identity = identity;
        this.cache = cache;
        this.transport = transport;
        Peers.join(identity, cache);
    }

    /** Whether reads may come from the cache, so that a one-read request must confirm its read. */
    boolean caching() {
        return cache.serves();
    }

    /** A cached read, or null. */
    ReadCache.Cached lookup(String namespace, String key) {
        return cache.get(namespace, key);
    }

    /** When a read from the database began; give it back to {@link #fill}. */
    ReadCache.Stamp beforeRead(String namespace, String key) {
        return cache.stamp(namespace, key);
    }

    /** Keeps what a read found, unless the key changed since the read began. */
    void fill(String namespace, String key, Entry entry, ReadCache.Stamp before) {
        cache.fill(namespace, key, entry, before);
    }

    /** When a commit's writes were sent: give it back to {@link #committed}. */
    List<ReadCache.Stamp> beforeCommit(Commit commit) {
        List<ReadCache.Stamp> stamps = new ArrayList<>(commit.writes().size());
        for (Commit.Write w : commit.writes()) {
            stamps.add(cache.stamp(w.namespace(), w.key()));
        }
        return stamps;
    }

    /**
     * A commit was applied with {@code version}: keep its writes, tell the others. The value a
     * mutation left is not known here, so its key is forgotten instead; a range deletion is not
     * described key by key, so it forgets everything, as the deletion of a namespace does.
     */
    void committed(Commit commit, long version, List<ReadCache.Stamp> stamps) {
        if (!commit.rangeDeletes().isEmpty()) {
            deletedNamespace();
            return;
        }
        List<Commit.Write> writes = commit.writes();
        for (ReadCache other : Peers.others(identity, cache)) {
            for (Commit.Write w : writes) {
                other.invalidate(w.namespace(), w.key());
            }
        }
        for (int i = 0; i < writes.size(); i++) {
            Commit.Write w = writes.get(i);
            switch (w.kind()) {
                case PUT -> cache.update(w.namespace(), w.key(),
                        Entry.of(w.key(), w.value(), version), stamps.get(i));
                case DELETE -> cache.update(w.namespace(), w.key(), null, stamps.get(i));
                case MUTATE -> cache.invalidate(w.namespace(), w.key());
            }
        }
        transport.announce(writes);
    }

    /** A commit failed: what it read was out of date, or what it wrote may have landed. */
    void failed(Commit commit) {
        List<ReadCache> caches = new ArrayList<>(Peers.others(identity, cache));
        caches.add(cache);
        for (ReadCache c : caches) {
            if (!commit.rangeDeletes().isEmpty()) {
                c.invalidateAll();
                continue;
            }
            for (Commit.PointRead r : commit.reads()) {
                c.invalidate(r.namespace(), r.key());
            }
            for (Commit.Write w : commit.writes()) {
                c.invalidate(w.namespace(), w.key());
            }
        }
    }

    /** A read served from here turned out to be out of date. */
    void stale(String namespace, String key) {
        cache.invalidate(namespace, key);
    }

    /** Every key of a namespace was deleted: forget everything, here and elsewhere. */
    void deletedNamespace() {
        cache.invalidateAll();
        for (ReadCache other : Peers.others(identity, cache)) {
            other.invalidateAll();
        }
        transport.announceAll();
    }

    @Override
    public void changed(String namespace, String key) {
        cache.invalidate(namespace, key);
    }

    @Override
    public void changedAll() {
        cache.invalidateAll();
    }

    @Override
    public void receiving() {
        cache.switchOn();
    }

    @Override
    public void lost() {
        cache.switchOff();
    }

    /** The cache, for health checks and tests. */
    ReadCache cache() {
        return cache;
    }

    @Override
    public void close() {
        Peers.leave(identity, cache);
        transport.close();
        cache.switchOff();
    }
}
