package io.kv4j.sqlite;

import io.kv4j.common.Capability;
import io.kv4j.spi.Commit;
import io.kv4j.spi.Entry;
import io.kv4j.spi.KeyRange;
import io.kv4j.spi.KvBackend;
import io.kv4j.spi.Text;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One store's handle on its file: the SPI's calls, with SQLite's failures translated. */
final class SqliteBackend implements KvBackend {

    private final SqliteFile file;
    private final SqliteStorage storage;
    private final Set<Capability> capabilities;

    SqliteBackend(SqliteFile file) {
        this.file = file;
        this.storage = new SqliteStorage(file);
        // with synchronous=normal a power loss may take the last commits: not durable
        this.capabilities = file.settings().fullSync()
                ? Set.of(Capability.DURABLE, Capability.SHARED_ACROSS_PROCESSES,
                        Capability.RESOLVES_LOST_COMMITS)
                : Set.of(Capability.SHARED_ACROSS_PROCESSES, Capability.RESOLVES_LOST_COMMITS);
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public Entry read(String namespace, String key) {
        try {
            return storage.read(namespace, key);
        } catch (SQLException e) {
            throw Failures.of(e, "reading key " + Text.quote(key) + " of function "
                    + Text.quote(namespace), file.settings());
        }
    }

    /** The keys in one statement, on one reader. */
    @Override
    public List<Entry> readMany(String namespace, List<String> keys) {
        try {
            return storage.readMany(namespace, keys);
        } catch (SQLException e) {
            throw Failures.of(e, "reading " + keys.size() + " keys of function "
                    + Text.quote(namespace), file.settings());
        }
    }

    @Override
    public List<Entry> scan(String namespace, KeyRange range, boolean reverse, int limit) {
        try {
            return storage.scan(namespace, range, reverse, limit);
        } catch (SQLException e) {
            throw Failures.of(e, "listing keys " + range + " of function "
                    + Text.quote(namespace), file.settings());
        }
    }

    @Override
    public long commit(Commit commit) {
        try {
            return storage.commit(commit);
        } catch (SQLException e) {
            throw Failures.of(e, "committing " + commit, file.settings());
        }
    }

    @Override
    public List<String> namespaces(String startAfter, int limit) {
        try {
            return storage.namespaces(startAfter, limit);
        } catch (SQLException e) {
            throw Failures.of(e, "listing functions", file.settings());
        }
    }

    @Override
    public long deleteNamespace(String namespace) {
        try {
            return storage.deleteNamespace(namespace);
        } catch (SQLException e) {
            throw Failures.of(e, "deleting function " + Text.quote(namespace), file.settings());
        }
    }

    /** The file, its schema version and the last version given out. */
    @Override
    public Map<String, Object> check() {
        try {
            long version = storage.lastVersion();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("file", file.settings().file().toString());
            details.put("schemaVersion", Migrations.LATEST);
            details.put("lastVersion", version);
            return details;
        } catch (SQLException e) {
            throw Failures.of(e, "checking the store", file.settings());
        }
    }

    @Override
    public void close() {
        file.close();
    }
}
