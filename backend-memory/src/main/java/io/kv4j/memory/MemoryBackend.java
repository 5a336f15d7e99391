package io.kv4j.memory;

import io.kv4j.common.Capability;
import io.kv4j.spi.Commit;
import io.kv4j.spi.Entry;
import io.kv4j.spi.KeyRange;
import io.kv4j.spi.KvBackend;
import java.util.List;
import java.util.Set;

/** One store's handle on a {@link MemoryStorage}; closing it releases a shared storage. */
final class MemoryBackend implements KvBackend {

    private final MemoryStorage storage;
    private final Set<Capability> capabilities;
    private final Runnable onClose;
    private volatile boolean closed;

    MemoryBackend(MemoryStorage storage, Set<Capability> capabilities, Runnable onClose) {
        this.storage = storage;
        this.capabilities = capabilities;
        this.onClose = onClose;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("The memory storage is closed");
        }
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public Entry read(String namespace, String key) {
        requireOpen();
        return storage.read(namespace, key);
    }

    @Override
    public List<Entry> scan(String namespace, KeyRange range, boolean reverse, int limit) {
        requireOpen();
        return storage.scan(namespace, range, reverse, limit);
    }

    @Override
    public long commit(Commit commit) {
        requireOpen();
        return storage.commit(commit);
    }

    @Override
    public List<String> namespaces(String startAfter, int limit) {
        requireOpen();
        return storage.namespaces(startAfter, limit);
    }

    @Override
    public long deleteNamespace(String namespace) {
        requireOpen();
        return storage.deleteNamespace(namespace);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            onClose.run();
        }
    }
}
