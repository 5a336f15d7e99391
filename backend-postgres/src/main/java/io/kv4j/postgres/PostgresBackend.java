package io.kv4j.postgres;

import com.zaxxer.hikari.HikariDataSource;
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
import java.util.List;
import java.util.Set;

/**
 * Storage in one PostgreSQL schema: reads through the pool or the cache, commits through
 * {@link CommitCall}.
 */
final class PostgresBackend implements KvBackend {

    private final PgSettings settings;
    private final HikariDataSource pool;
    private final CommitCall commitCall;
    private final CachedReads reads;
    private final String readSql;
    private final String versionSql;
    private final String scanSql;
    private final String scanToEndSql;
    private final String namespacesSql;
    private volatile boolean closed;

    PostgresBackend(PgSettings settings, HikariDataSource pool, CachedReads reads) {
        this.settings = settings;
        this.pool = pool;
        this.reads = reads;
        String table = settings.schema() + ".entries";
        this.commitCall = new CommitCall(settings.schema(), Migrations.lockSeed(settings.schema()));
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

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("The PostgreSQL storage " + settings.url()
                    + " is closed");
        }
    }

    @Override
    public Entry read(String namespace, String key) {
        requireOpen();
        ReadCache.Cached hit = reads.lookup(namespace, key);
        if (hit != null) {
            return hit.entry();
        }
        ReadCache.Stamp stamp = reads.beforeRead(namespace, key);
        Entry entry;
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement(readSql)) {
            ps.setString(1, namespace);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                entry = rs.next() ? Entry.of(key, utf8(rs.getString(2)), rs.getLong(1)) : null;
            }
        } catch (SQLException e) {
            throw Failures.of(e, "Reading key " + Text.quote(key) + " of function "
                    + Text.quote(namespace) + " from " + settings.url(), pool);
        }
        reads.fill(namespace, key, entry, stamp);
        return entry;
    }

    @Override
    public List<Entry> scan(String namespace, String prefix, String startAfter, int limit) {
        requireOpen();
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1 but was: " + limit);
        }
        KeyRange range = KeyRange.of(prefix, startAfter, null);
        if (range.isEmpty()) {
            return List.of();
        }
        List<Entry> out = new ArrayList<>(Math.min(limit, 256));
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement(
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
                    out.add(Entry.of(rs.getString(1), utf8(rs.getString(3)), rs.getLong(2)));
                }
            }
        } catch (SQLException e) {
            throw Failures.of(e, "Listing prefix " + Text.quote(prefix) + " of function "
                    + Text.quote(namespace) + " from " + settings.url(), pool);
        }
        return out;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.DURABLE, Capability.SHARED_ACROSS_PROCESSES);
    }

    @Override
    public long commit(Commit commit) {
        requireOpen();
        if (commit.writes().isEmpty() && commit.ranges().isEmpty() && commit.reads().size() <= 1) {
            // one read is consistent by itself; only a cached one may be out of date
            if (reads.caching() && !commit.reads().isEmpty()) {
                checkCurrent(commit.reads().get(0));
            }
            return 0;
        }
        List<ReadCache.Stamp> stamps = reads.beforeCommit(commit);
        String what = "The commit of " + commit.writes().size() + " writes to " + settings.url();
        CommitCall.Outcome outcome;
        Connection c;
        try {
            c = pool.getConnection();
        } catch (SQLException e) {
            throw Failures.of(e, what, pool);
        }
        try {
            outcome = commitCall.execute(c, commit);
        } catch (SQLException e) {
            reads.failed(commit);
            rollback(c);
            throw Failures.ofCommit(e, what, pool);
        } catch (RuntimeException e) {
            reads.failed(commit);
            rollback(c);
            throw e;
        } finally {
            close(c);
        }
        if (outcome.conflict() != null) {
            reads.failed(commit);
            throw conflict(commit, outcome.conflict());
        }
        reads.committed(commit, outcome.version(), stamps);
        return outcome.version();
    }

    @Override
    public List<String> namespaces(String startAfter, int limit) {
        requireOpen();
        List<String> out = new ArrayList<>(Math.min(limit, 256));
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement(namespacesSql)) {
            ps.setString(1, startAfter == null ? "" : startAfter);
            ps.setBoolean(2, startAfter == null);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw Failures.of(e, "Listing the functions of " + settings.url(), pool);
        }
        return out;
    }

    @Override
    public long deleteNamespace(String namespace) {
        requireOpen();
        long deleted;
        Connection c;
        try {
            c = pool.getConnection();
        } catch (SQLException e) {
            throw Failures.of(e, "Deleting function " + Text.quote(namespace), pool);
        }
        try {
            deleted = commitCall.deleteNamespace(c, namespace);
        } catch (SQLException e) {
            rollback(c);
            throw Failures.ofCommit(e, "Deleting every key of function " + Text.quote(namespace)
                    + " of " + settings.url(), pool);
        } finally {
            close(c);
        }
        reads.deletedNamespace();
        return deleted;
    }

    /**
     * Checks that one read saw the entry's current version: a single indexed lookup, cheaper
     * than the commit function, so a read-only request served from the cache stays current.
     */
    private void checkCurrent(Commit.PointRead read) {
        long now;
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement(versionSql)) {
            ps.setString(1, read.namespace());
            ps.setString(2, read.key());
            try (ResultSet rs = ps.executeQuery()) {
                now = rs.next() ? rs.getLong(1) : MISSING;
            }
        } catch (SQLException e) {
            throw Failures.of(e, "Checking key " + Text.quote(read.key()) + " of function "
                    + Text.quote(read.namespace()) + " in " + settings.url(), pool);
        }
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

    /** A failed commit leaves its transaction aborted: end it before the pool hands it out. */
    private void rollback(Connection c) {
        try (Statement st = c.createStatement()) {
            st.execute("ROLLBACK");
        } catch (SQLException e) {
            pool.evictConnection(c);
        }
    }

    private static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // the pool has already dropped a broken connection
        }
    }

    private static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** The cache, for tests; null when off. */
    ReadCache cache() {
        return reads.cache();
    }


    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        reads.close();
        pool.close();
    }

    @Override
    public String toString() {
        return "PostgresBackend[" + settings + (closed ? ", closed]" : "]");
    }
}
