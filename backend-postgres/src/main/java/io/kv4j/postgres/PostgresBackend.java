package io.kv4j.postgres;

import io.kv4j.common.Capability;
import io.kv4j.spi.BackendException;
import io.kv4j.spi.Commit;
import io.kv4j.spi.Entry;
import io.kv4j.spi.KeyRange;
import io.kv4j.spi.KvBackend;
import io.kv4j.spi.Text;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Storage in one PostgreSQL schema: reads through the pool or the cache, commits through
 * {@link Committer}.
 */
final class PostgresBackend implements KvBackend {

    private final PgSettings settings;
    private final Pool pool;
    private final CommitStatements statements;
    private final Committer committer;
    private final CachedReads reads;
    private final IdExpiry expiry;
    private final String readSql;
    private final String versionSql;
    private final String readManySql;
    private final String scanSql;
    private final String scanToEndSql;
    private final String scanReverseSql;
    private final String scanReverseToEndSql;
    private final String namespacesSql;
    private final String schemaVersionSql;
    private volatile boolean closed;
    /** Held shared by every call, and exclusively by {@link #close} once they ended. */
    private final ReentrantReadWriteLock inUse = new ReentrantReadWriteLock();
    private static final int CLOSE_WAIT_SECONDS = 10;

    PostgresBackend(PgSettings settings, Pool pool, CachedReads reads) {
        this.settings = settings;
        this.pool = pool;
        this.reads = reads;
        this.statements = new CommitStatements(settings.schema(),
                Migrations.lockSeed(settings.schema()));
        this.committer = new Committer(pool, statements, settings.url(),
                settings.get(PgOption.OUTCOME_TIMEOUT_MS));
        SqlFile sql = SqlFile.load("read.sql", settings.schema());
        this.readSql = sql.get("read");
        this.versionSql = sql.get("read-version");
        this.readManySql = sql.get("read-many");
        this.scanSql = sql.get("scan");
        this.scanToEndSql = sql.get("scan-to-end");
        this.scanReverseSql = sql.get("scan-reverse");
        this.scanReverseToEndSql = sql.get("scan-reverse-to-end");
        this.namespacesSql = sql.get("namespaces");
        this.schemaVersionSql = sql.get("schema-version");
        // last: it starts a thread
        this.expiry = new IdExpiry(pool, statements,
                settings.get(PgOption.COMMIT_ID_RETENTION_MS), settings.channel());
    }

    /**
     * Runs a call of the SPI: refused once the store is closed; {@link #close} waits for the
     * calls that entered, so that a commit under way when the store closes ends as it would
     * have.
     */
    private <T> T guarded(Supplier<T> call) {
        Lock open = inUse.readLock();
        open.lock();
        try {
            if (closed) {
                throw new IllegalStateException("The PostgreSQL storage " + settings.url()
                        + " is closed");
            }
            return call.get();
        } finally {
            open.unlock();
        }
    }

    @Override
    public Entry read(String namespace, String key) {
        return guarded(() -> {
            ReadCache.Cached hit = reads.lookup(namespace, key);
            if (hit != null) {
                return hit.entry();
            }
            ReadCache.Stamp stamp = reads.beforeRead(namespace, key);
            Entry entry = pool.again("Reading key " + Text.quote(key) + " of function "
                    + Text.quote(namespace) + " from " + settings.url(), c -> {
                        try (PreparedStatement ps = c.prepareStatement(readSql)) {
                            ps.setString(1, namespace);
                            ps.setString(2, key);
                            try (ResultSet rs = ps.executeQuery()) {
                                return rs.next() ? Entry.of(key, utf8(rs.getString("value")),
                                        rs.getLong("version")) : null;
                            }
                        }
                    });
            reads.fill(namespace, key, entry, stamp);
            return entry;
        });
    }

    /**
     * Serves the keys the cache holds and reads the others in one statement, {@code = ANY} over
     * an array, filling the cache with what it found, absent keys included.
     */
    @Override
    public List<Entry> readMany(String namespace, List<String> keys) {
        // every key from the database, none from the cache: then the entries are one snapshot
        // (Commit#readsFromOneCall), and the statement is sent for the keys the cache misses
        // anyway. Nor are they put in the cache: that cost a third of the client's time of a
        // getMany of 100 keys, and would push out the keys read one at a time, which it serves
        return guarded(() -> {
            ArrayText array = new ArrayText();
            keys.forEach(array::text);
            String keysText = array.close();
            Map<String, Entry> read = pool.again("Reading " + Text.count(keys.size(), "key")
                    + " of function " + Text.quote(namespace) + " from " + settings.url(), c -> {
                        Map<String, Entry> out = new HashMap<>();
                        try (PreparedStatement ps = c.prepareStatement(readManySql)) {
                            ps.setString(1, namespace);
                            // as text, never untyped (CommitStatements.Params)
                            ps.setString(2, keysText);
                            try (ResultSet rs = ps.executeQuery()) {
                                while (rs.next()) {
                                    Entry e = entry(rs);
                                    out.put(e.key(), e);
                                }
                            }
                        }
                        return out;
                    });
            List<Entry> out = new ArrayList<>(keys.size());
            for (String key : keys) {
                out.add(read.get(key));
            }
            return out;
        });
    }

    @Override
    public List<Entry> scan(String namespace, KeyRange range, boolean reverse, int limit) {
        return guarded(() -> {
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be at least 1 but was: " + limit);
            }
            if (range.isEmpty()) {
                return List.of();
            }
            boolean toEnd = range.end() == null;
            String sql = reverse ? (toEnd ? scanReverseToEndSql : scanReverseSql)
                    : (toEnd ? scanToEndSql : scanSql);
            return pool.again("Listing the keys " + range + " of function "
                    + Text.quote(namespace) + " from " + settings.url(), c -> {
                        List<Entry> out = new ArrayList<>(Math.min(limit, 256));
                        try (PreparedStatement ps = c.prepareStatement(sql)) {
                            int p = 1;
                            ps.setString(p++, namespace);
                            ps.setString(p++, range.start());
                            if (!toEnd) {
                                ps.setString(p++, range.end());
                            }
                            ps.setInt(p, limit);
                            try (ResultSet rs = ps.executeQuery()) {
                                while (rs.next()) {
                                    out.add(entry(rs));
                                }
                            }
                        }
                        return out;
                    });
        });
    }

    @Override
    public Set<Capability> capabilities() {
        return settings.get(PgOption.OUTCOME_TIMEOUT_MS) > 0
                ? Set.of(Capability.DURABLE, Capability.SHARED_ACROSS_PROCESSES,
                        Capability.RESOLVES_LOST_COMMITS)
                : Set.of(Capability.DURABLE, Capability.SHARED_ACROSS_PROCESSES);
    }

    @Override
    public long commit(Commit commit) {
        return guarded(() -> {
            boolean onlyReads = commit.isReadOnly() && commit.ranges().isEmpty()
                    && commit.checks().isEmpty();
            if (onlyReads && commit.reads().size() <= 1) {
                // one read is consistent by itself; only a cached one may be out of date
                if (reads.caching() && !commit.reads().isEmpty()) {
                    checkCurrent(commit);
                }
                return 0L;
            }
            if (onlyReads && commit.readsFromOneCall()) {
                return 0L; // readMany reads every key from the database in one statement
            }
            List<ReadCache.Stamp> stamps = reads.beforeCommit(commit);
            long version;
            try {
                version = committer.commit(commit);
            } catch (RuntimeException e) {
                reads.failed(commit);
                throw e;
            }
            reads.committed(commit, version, stamps);
            return version;
        });
    }

    /**
     * One query for the schema's version; beside it the pool's state and whether the cache
     * serves, none of which needs the database.
     */
    @Override
    public Map<String, Object> check() {
        return guarded(() -> {
            int version = pool.again("Checking " + settings.url(), c -> {
                try (PreparedStatement ps = c.prepareStatement(schemaVersionSql);
                        ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt("version");
                }
            });
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("schema", settings.schema());
            out.put("schema-version", version);
            out.putAll(pool.state());
            ReadCache cache = reads.cache();
            out.put("cache", !cache.serves() ? "off" : cache.isOn() ? "on"
                    : "waiting for its listener");
            return out;
        });
    }

    @Override
    public List<String> namespaces(String startAfter, int limit) {
        return guarded(() -> pool.again("Listing the functions of " + settings.url(), c -> {
            List<String> out = new ArrayList<>(Math.min(limit, 256));
            try (PreparedStatement ps = c.prepareStatement(namespacesSql)) {
                ps.setString(1, startAfter == null ? "" : startAfter);
                ps.setBoolean(2, startAfter == null);
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString("name"));
                    }
                }
            }
            return out;
        }));
    }

    @Override
    public long deleteNamespace(String namespace) {
        return guarded(() -> {
            // deleting everything again is harmless, so a lost connection is simply tried again
            long deleted = pool.again("Deleting every key of function " + Text.quote(namespace)
                    + " of " + settings.url(), c -> {
                        try {
                            return statements.deleteNamespace(c, namespace);
                        } catch (SQLException e) {
                            pool.rollback(c);
                            throw e;
                        }
                    });
            reads.deletedNamespace();
            return deleted;
        });
    }

    /**
     * Checks that the one read of a commit saw the entry's current version: a single indexed
     * lookup, cheaper than a commit, so a read-only request served from the cache stays current.
     */
    private void checkCurrent(Commit commit) {
        Commit.PointRead read = commit.reads().get(0);
        long now = pool.again("Checking key " + Text.quote(read.key()) + " of function "
                + Text.quote(read.namespace()) + " in " + settings.url(), c -> {
                    try (PreparedStatement ps = c.prepareStatement(versionSql)) {
                        ps.setString(1, read.namespace());
                        ps.setString(2, read.key());
                        try (ResultSet rs = ps.executeQuery()) {
                            return rs.next() ? rs.getLong("version") : MISSING;
                        }
                    }
                });
        if (now != read.version()) {
            reads.stale(read.namespace(), read.key());
            throw BackendException.readChanged(read.namespace(), read.key());
        }
    }

    /** The entry of a row of {@code key}, {@code version} and {@code value}. */
    private static Entry entry(ResultSet rs) throws SQLException {
        return Entry.of(rs.getString("key"), utf8(rs.getString("value")), rs.getLong("version"));
    }

    private static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** The queue of blind commits, for tests. */
    CommitQueue queue() {
        return committer.queue();
    }

    /** The cache, for tests: {@link ReadCache#OFF} when off. */
    ReadCache cache() {
        return reads.cache();
    }

    /**
     * Refuses new calls, waits up to {@value #CLOSE_WAIT_SECONDS} s for the calls under way, then
     * closes the pool (if it is the store's own), the cache and the listener.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        boolean drained = false;
        try {
            drained = inUse.writeLock().tryLock(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            expiry.close();
            reads.close();
            pool.close();
        } finally {
            if (drained) {
                inUse.writeLock().unlock();
            }
        }
    }

    @Override
    public String toString() {
        return "PostgresBackend[" + settings + (closed ? ", closed]" : "]");
    }
}
