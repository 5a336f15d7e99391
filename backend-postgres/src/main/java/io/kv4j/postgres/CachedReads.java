package io.kv4j.postgres;

import io.kv4j.spi.Commit;
import io.kv4j.spi.Entry;
import java.util.ArrayList;
import java.util.List;

/**
 * The read cache and everything that keeps it fresh, in one place: the Caffeine cache with its
 * stamps ({@link ReadCache}), the other caches on the same data in this JVM ({@link Peers}), and
 * the announcements to and from other processes ({@link ChangeTransport}).
 *
 * <p>The rules it keeps: a commit's writes enter this cache and leave every other cache of this
 * JVM before the commit returns, and are announced to other processes after it; a failed commit
 * drops what it read and wrote everywhere here; while announcements may be missed, this cache
 * serves nothing. What it serves may still be out of date by the time a notification takes to
 * arrive, which is why every cached read is checked at commit.
 */
final class CachedReads implements ChangeTransport.Sink, AutoCloseable {

    private final String identity;
    /** Null when the cache is off ({@code cache=false}): then this only announces. */
    private final ReadCache cache;
    /** Null when neither announcing nor listening. */
    private final ChangeTransport transport;

    /**
     * @param identity which data the cache holds: server, database and schema
     * @param cache the cache, or null when off
     * @param transport the announcements, or null for none
     */
    CachedReads(String identity, ReadCache cache, ChangeTransport transport) {
        this.identity = identity;
        this.cache = cache;
        this.transport = transport;
        if (cache != null) {
            Peers.join(identity, cache);
            if (transport != null) {
                transport.receive(this);
            }
        }
    }

    /** Whether reads are cached at all. */
    boolean caching() {
        return cache != null;
    }

    /** A cached read, or null. */
    ReadCache.Cached lookup(String namespace, String key) {
        return cache == null ? null : cache.get(namespace, key);
    }

    /** When a read from the database began; give it back to {@link #fill}. */
    ReadCache.Stamp beforeRead(String namespace, String key) {
        return cache == null ? null : cache.stamp(namespace, key);
    }

    /** Keeps what a read found, unless the key changed since the read began. */
    void fill(String namespace, String key, Entry entry, ReadCache.Stamp before) {
        if (cache != null) {
            cache.fill(namespace, key, entry, before);
        }
    }

    /** When a commit's writes were sent: give it back to {@link #committed}. */
    List<ReadCache.Stamp> beforeCommit(Commit commit) {
        if (cache == null) {
            return List.of();
        }
        List<ReadCache.Stamp> stamps = new ArrayList<>(commit.writes().size());
        for (Commit.Write w : commit.writes()) {
            stamps.add(cache.stamp(w.namespace(), w.key()));
        }
        return stamps;
    }

    /** A commit was applied with {@code version}: keep its writes, tell the others. */
    void committed(Commit commit, long version, List<ReadCache.Stamp> stamps) {
        List<Commit.Write> writes = commit.writes();
        for (ReadCache other : Peers.others(identity, cache)) {
            for (Commit.Write w : writes) {
                other.invalidate(w.namespace(), w.key());
            }
        }
        if (cache != null) {
            for (int i = 0; i < writes.size(); i++) {
                Commit.Write w = writes.get(i);
                Entry entry = w.isDelete() ? null : Entry.of(w.key(), w.value(), version);
                cache.update(w.namespace(), w.key(), entry, stamps.get(i));
            }
        }
        if (transport != null) {
            transport.announce(writes);
        }
    }

    /** A commit failed: what it read was out of date, or what it wrote may have landed. */
    void failed(Commit commit) {
        List<ReadCache> caches = new ArrayList<>(Peers.others(identity, cache));
        if (cache != null) {
            caches.add(cache);
        }
        for (ReadCache c : caches) {
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
        if (cache != null) {
            cache.invalidate(namespace, key);
        }
    }

    /** Every key of a namespace was deleted: forget everything, here and elsewhere. */
    void deletedNamespace() {
        if (cache != null) {
            cache.invalidateAll();
        }
        for (ReadCache other : Peers.others(identity, cache)) {
            other.invalidateAll();
        }
        if (transport != null) {
            transport.announceAll();
        }
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

    /** The cache, for tests; null when off. */
    ReadCache cache() {
        return cache;
    }

    @Override
    public void close() {
        if (cache != null) {
            Peers.leave(identity, cache);
        }
        if (transport != null) {
            transport.close();
        }
        if (cache != null) {
            cache.switchOff();
        }
    }
}
