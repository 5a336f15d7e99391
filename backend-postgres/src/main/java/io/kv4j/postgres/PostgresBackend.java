package io.kv4j.postgres;

import io.kv4j.spi.BackendConflictException;
import io.kv4j.spi.Capability;
import io.kv4j.spi.Commit;
import io.kv4j.spi.Entry;
import io.kv4j.spi.KvBackend;
import io.kv4j.spi.Text;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Storage in one PostgreSQL schema: reads through the pool or the cache, commits through
 * {@link CommitCall}.
 */
final class PostgresBackend implements KvBackend {

    private final PgSettings settings;
    private final Pool pool;
    private final CommitCall commitCall;
    private final CachedReads reads;
    private final IdExpiry expiry;
    private final CommitSender sender;
    private final String readSql;
    private final String versionSql;
    private final String scanSql;
    private final String scanToEndSql;
    private final String namespacesSql;
    private volatile boolean closed;
    /** Held shared by every call, and exclusively by {@link #close} once they ended. */
    private final ReentrantReadWriteLock inUse = new ReentrantReadWriteLock();
    private static final int CLOSE_WAIT_SECONDS = 10;

    PostgresBackend(PgSettings settings, Pool pool, CachedReads reads) {
        this.settings = settings;
        this.pool = pool;
        this.reads = reads;
        String table = settings.schema() + ".entries";
        this.commitCall = new CommitCall(settings.schema(), Migrations.lockSeed(settings.schema()));
        this.sender = new CommitSender(pool, commitCall, settings.url(),
                settings.integer(PgOption.OUTCOME_TIMEOUT_MS));
        this.expiry = new IdExpiry(pool, commitCall,
                settings.integer(PgOption.COMMIT_ID_RETENTION_MS), settings.channel());
        this.readSql = "SELECT version, coalesce(exact::text, value::text) FROM " + table
                + " WHERE namespace = ? AND key = ?";
        this.versionSql = "SELECT version FROM " + table + " WHERE namespace = ? AND key = ?";
        String scan = "SELECT key, version, coalesce(exact::text, value::text) FROM " + table
                + " WHERE namespace = ? AND key >= ?";
        this.scanSql = scan + " AND key < ? ORDER BY key LIMIT ?";
        this.scanToEndSql = scan + " ORDER BY key LIMIT ?";
        // one index probe per name, however many keys each function holds
        this.namespacesSql = "WITH RECURSIVE n(name) AS ("
                + "(SELECT namespace FROM " + table + " WHERE namespace > ? OR ? "
                + "ORDER BY namespace LIMIT 1) UNION ALL "
                + "SELECT (SELECT e.namespace FROM " + table + " e WHERE e.namespace > n.name "
                + "ORDER BY e.namespace LIMIT 1) FROM n WHERE n.name IS NOT NULL) "
                + "SELECT name FROM n WHERE name IS NOT NULL LIMIT ?";
    }

    /**
     * Enters a call: refused once the store is closed; {@link #close} waits for the calls that
     * entered, so that a commit under way when the store closes ends as it would have.
     */
    private Lock enter() {
        Lock open = inUse.readLock();
        open.lock();
        if (closed) {
            open.unlock();
            throw new IllegalStateException("The PostgreSQL storage " + settings.url()
                    + " is closed");
        }
        return open;
    }

    @Override
    public Entry read(String namespace, String key) {
        Lock open = enter();
        try {
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
                                return rs.next() ? Entry.of(key, utf8(rs.getString(2)), rs.getLong(1))
                                        : null;
                            }
                        }
                    });
            reads.fill(namespace, key, entry, stamp);
            return entry;
        } finally {
            open.unlock();
        }
    }

    @Override
    public List<Entry> scan(String namespace, String prefix, String startAfter, int limit) {
        Lock open = enter();
        try {
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be at least 1 but was: " + limit);
            }
            KeyRange range = KeyRange.of(prefix, startAfter, null);
            if (range.isEmpty()) {
                return List.of();
            }
            return pool.again("Listing prefix " + Text.quote(prefix) + " of function "
                    + Text.quote(namespace) + " from " + settings.url(), c -> {
                        List<Entry> out = new ArrayList<>(Math.min(limit, 256));
                        try (PreparedStatement ps = c.prepareStatement(
                                range.high() == null ? scanToEndSql : scanSql)) {
                            int p = 1;
                            ps.setString(p++, namespace);
                            ps.setString(p++, range.low());
                            if (range.high() != null) {
                                ps.setString(p++, range.high());
                            }
                            ps.setInt(p, limit);
                            try (ResultSet rs = ps.executeQuery()) {
                                while (rs.next()) {
                                    out.add(Entry.of(rs.getString(1), utf8(rs.getString(3)),
                                            rs.getLong(2)));
                                }
                            }
                        }
                        return out;
                    });
        } finally {
            open.unlock();
        }
    }

    @Override
    public Set<Capability> capabilities() {
        return settings.integer(PgOption.OUTCOME_TIMEOUT_MS) > 0
                ? Set.of(Capability.DURABLE, Capability.SHARED_ACROSS_PROCESSES,
                        Capability.RESOLVES_LOST_COMMITS)
                : Set.of(Capability.DURABLE, Capability.SHARED_ACROSS_PROCESSES);
    }

    @Override
    public long commit(Commit commit) {
        Lock open = enter();
        try {
            if (commit.writes().isEmpty() && commit.ranges().isEmpty() && commit.reads().size() <= 1) {
                // one read is consistent by itself; only a cached one may be out of date
                if (reads.caching() && !commit.reads().isEmpty()) {
                    checkCurrent(commit.reads().get(0));
                }
                return 0;
            }
            List<ReadCache.Stamp> stamps = reads.beforeCommit(commit);
            CommitCall.Outcome outcome;
            try {
                outcome = commit.isReadOnly()
                        ? pool.again("The check of a read-only request on " + settings.url(),
                                c -> inTransaction(c, commit))
                        : sender.send(commit);
            } catch (RuntimeException e) {
                reads.failed(commit);
                throw e;
            }
            if (outcome.conflict() != null) {
                reads.failed(commit);
                throw conflict(commit, outcome.conflict());
            }
            reads.committed(commit, outcome.version(), stamps);
            return outcome.version();
        } finally {
            open.unlock();
        }
    }

    /** Sends a commit as a transaction block, which is ended if it fails. */
    private CommitCall.Outcome inTransaction(Connection c, Commit commit) throws SQLException {
        try {
            return commitCall.execute(c, commit, commit.id());
        } catch (SQLException e) {
            pool.rollback(c);
            throw e;
        }
    }

    /**
     * One query for the schema's version; beside it the pool's state and whether the cache
     * serves, none of which needs the database.
     */
    @Override
    public Map<String, Object> check() {
        Lock open = enter();
        try {
            int version = pool.again("Checking " + settings.url(), c -> {
                try (Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery("SELECT max(version) FROM "
                                + settings.schema() + ".schema_version")) {
                    rs.next();
                    return rs.getInt(1);
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
        } finally {
            open.unlock();
        }
    }

    @Override
    public List<String> namespaces(String startAfter, int limit) {
        Lock open = enter();
        try {
            return pool.again("Listing the functions of " + settings.url(), c -> {
                List<String> out = new ArrayList<>(Math.min(limit, 256));
                try (PreparedStatement ps = c.prepareStatement(namespacesSql)) {
                    ps.setString(1, startAfter == null ? "" : startAfter);
                    ps.setBoolean(2, startAfter == null);
                    ps.setInt(3, limit);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(rs.getString(1));
                        }
                    }
                }
                return out;
            });
        } finally {
            open.unlock();
        }
    }

    @Override
    public long deleteNamespace(String namespace) {
        Lock open = enter();
        try {
            // deleting everything again is harmless, so a lost connection is simply tried again
            long deleted = pool.again("Deleting every key of function " + Text.quote(namespace) + " of "
                    + settings.url(), c -> {
                        try {
                            return commitCall.deleteNamespace(c, namespace);
                        } catch (SQLException e) {
                            pool.rollback(c);
                            throw e;
                        }
                    });
            reads.deletedNamespace();
            return deleted;
        } finally {
            open.unlock();
        }
    }

    /**
     * Checks that one read saw the entry's current version: a single indexed lookup, cheaper
     * than the commit function, so a read-only request served from the cache stays current.
     */
    private void checkCurrent(Commit.PointRead read) {
        long now = pool.again("Checking key " + Text.quote(read.key()) + " of function "
                + Text.quote(read.namespace()) + " in " + settings.url(), c -> {
                    try (PreparedStatement ps = c.prepareStatement(versionSql)) {
                        ps.setString(1, read.namespace());
                        ps.setString(2, read.key());
                        try (ResultSet rs = ps.executeQuery()) {
                            return rs.next() ? rs.getLong(1) : MISSING;
                        }
                    }
                });
        if (now != read.version()) {
            reads.stale(read.namespace(), read.key());
            throw new BackendConflictException("key " + Text.quote(read.key()) + " of function "
                    + Text.quote(read.namespace()) + " changed since it was read",
                    read.namespace(), read.key());
        }
    }

    /** The check that failed, {@code read:<n>} or {@code range:<n>}, as an exception. */
    private static BackendConflictException conflict(Commit commit, String failed) {
        int n = Integer.parseInt(failed.substring(failed.indexOf(':') + 1)) - 1;
        if (failed.startsWith("read:")) {
            Commit.PointRead r = commit.reads().get(n);
            return new BackendConflictException("key " + Text.quote(r.key()) + " of function "
                    + Text.quote(r.namespace()) + " changed since it was read", r.namespace(),
                    r.key());
        }
        Commit.RangeRead g = commit.ranges().get(n);
        return new BackendConflictException("the keys with prefix " + Text.quote(g.prefix())
                + " of function " + Text.quote(g.namespace()) + " changed since they were listed",
                g.namespace(), null);
    }

    private static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
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
