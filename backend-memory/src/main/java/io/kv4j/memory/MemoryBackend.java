package io.kv4j.memory;

import io.kv4j.spi.Commit;
import io.kv4j.spi.Entry;
import io.kv4j.spi.KvBackend;
import java.util.List;

/** One store's handle on a {@link MemoryStorage}; closing it releases a shared storage. */
final class MemoryBackend implements KvBackend {

    private final MemoryStorage storage;
    private final Runnable onClose;
    private volatile boolean closed;

    MemoryBackend(MemoryStorage storage, Runnable onClose) {
        this.storage = storage;
        this.onClose = onClose;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("The memory storage is closed");
        }
    }

    @Override
    public Entry read(String namespace, String key) {
        requireOpen();
        return storage.read(namespace, key);
    }

    @Override
    public List<Entry> scan(String namespace, String prefix, String startAfter, int limit) {
        requireOpen();
        return storage.scan(namespace, prefix, startAfter, limit);
    }

    @Override
    public void commit(Commit commit) {
        requireOpen();
        storage.commit(commit);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            onClose.run();
        }
    }
}
