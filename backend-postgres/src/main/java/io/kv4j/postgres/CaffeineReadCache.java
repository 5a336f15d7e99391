package io.kv4j.postgres;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.kv4j.spi.Entry;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The read cache when {@code cache=true}: committed entries, and entries known missing, kept
 * after a read or a local commit.
 *
 * <p>What it serves is committed data with its true version, possibly out of date by the time a
 * commit of another process takes to be notified; a transaction that read an out-of-date entry
 * fails validation at commit, and then the entries it read are dropped here before it runs again.
 *
 * <p>Races between a read that fills the cache and a change that empties it are settled by stamps:
 * a change of a key first moves the stamp of the key's stripe, and a read fills the cache only if
 * the stamp it took before asking the database has not moved. While change notifications cannot be
 * received the cache is off: empty, and serving and keeping nothing.
 */
final class CaffeineReadCache implements ReadCache {

    private static final int STRIPES = 1024;

    private final Cache<Id, Cached> cache;
    private final AtomicLongArray stripes = new AtomicLongArray(STRIPES);
    /** Moves whenever the cache is switched on or off; odd while it is on. */
    private final AtomicLong epoch = new AtomicLong();

    CaffeineReadCache(long maxBytes) {
        this(maxBytes, null, null);
    }

    /**
     * @param maxBytes the bound on the estimated bytes held
     * @param registry a Micrometer registry to report to, or null
     * @param schema the schema, a tag of the meters
     */
    CaffeineReadCache(long maxBytes, Object registry, String schema) {
        Caffeine<Id, Cached> builder = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Id id, Cached c) -> 64 + 2 * (id.namespace.length() + id.key.length())
                        + (c.entry() == null ? 0 : c.entry().value().length));
        if (registry != null) {
            builder.recordStats();
        }
        this.cache = builder.build();
        if (registry != null) {
            PgMeters.bindCache(registry, cache, this, schema);
        }
    }

    /** The estimated bytes held. */
    @Override
    public long weightedBytes() {
        return cache.policy().eviction().map(e -> e.weightedSize().orElse(0L)).orElse(0L);
    }

    private record Id(String namespace, String key) {
    }

    @Override
    public boolean serves() {
        return true;
    }

    @Override
    public boolean isOn() {
        return (epoch.get() & 1) == 1;
    }

    /** Starts serving, empty: called once change notifications are being received. */
    @Override
    public void switchOn() {
        synchronized (epoch) {
            cache.invalidateAll();
            if (!isOn()) {
                epoch.incrementAndGet();
            }
        }
    }

    /** Stops serving and forgets everything: changes may now go unnoticed. */
    @Override
    public void switchOff() {
        synchronized (epoch) {
            if (isOn()) {
                epoch.incrementAndGet();
            }
            cache.invalidateAll();
        }
    }

    /** The cached read, or null when there is none or the cache is off. */
    @Override
    public Cached get(String namespace, String key) {
        return isOn() ? cache.getIfPresent(new Id(namespace, key)) : null;
    }

    @Override
    public Stamp stamp(String namespace, String key) {
        return new Stamp(epoch.get(), stripes.get(stripe(namespace, key)));
    }

    /** Keeps what a read found, unless something changed since {@code before}. */
    @Override
    public void fill(String namespace, String key, Entry entry, Stamp before) {
        if ((before.epoch() & 1) == 0) {
            return;
        }
        int s = stripe(namespace, key);
        cache.asMap().compute(new Id(namespace, key), (id, old) ->
                epoch.get() == before.epoch() && stripes.get(s) == before.stripe()
                        ? new Cached(entry) : old);
    }

    /** Keeps what a local commit wrote, unless something changed since {@code before}. */
    @Override
    public void update(String namespace, String key, Entry entry, Stamp before) {
        int s = stripe(namespace, key);
        cache.asMap().compute(new Id(namespace, key), (id, old) -> {
            boolean unchanged = epoch.get() == before.epoch() && stripes.get(s) == before.stripe();
            stripes.incrementAndGet(s);
            return unchanged && isOn() ? new Cached(entry) : null;
        });
    }

    /** Forgets a key: it changed, or may have. */
    @Override
    public void invalidate(String namespace, String key) {
        stripes.incrementAndGet(stripe(namespace, key));
        cache.invalidate(new Id(namespace, key));
    }

    /** Forgets everything: a change that was not described key by key. */
    @Override
    public void invalidateAll() {
        for (int i = 0; i < STRIPES; i++) {
            stripes.incrementAndGet(i);
        }
        cache.invalidateAll();
    }

    private static int stripe(String namespace, String key) {
        int h = namespace.hashCode() * 31 + key.hashCode();
        return (h ^ (h >>> 16)) & (STRIPES - 1);
    }
}
