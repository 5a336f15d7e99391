package io.kv4j.tck;

import io.kv4j.common.Capability;
import io.kv4j.spi.Commit;
import io.kv4j.spi.Entry;
import io.kv4j.spi.KeyRange;
import io.kv4j.spi.KvBackend;
import java.util.List;
import java.util.Set;

/**
 * A backend that passes every call to another: extend it and override the one call to change,
 * as the kit's own broken backends do, or a test's backend that conflicts on purpose.
 */
public class ForwardingBackend implements KvBackend {

    /** The backend every call goes to. */
    protected final KvBackend inner;

    /**
     * Creates the backend.
     *
     * @param inner the backend every call goes to
     */
    public ForwardingBackend(KvBackend inner) {
        this.inner = inner;
    }

    @Override
    public Set<Capability> capabilities() {
        return inner.capabilities();
    }

    @Override
    public Entry read(String namespace, String key) {
        return inner.read(namespace, key);
    }

    @Override
    public List<Entry> scan(String namespace, KeyRange range, boolean reverse, int limit) {
        return inner.scan(namespace, range, reverse, limit);
    }

    @Override
    public List<Entry> readMany(String namespace, List<String> keys) {
        return inner.readMany(namespace, keys);
    }

    @Override
    public long commit(Commit commit) {
        return inner.commit(commit);
    }

    @Override
    public List<String> namespaces(String startAfter, int limit) {
        return inner.namespaces(startAfter, limit);
    }

    @Override
    public long deleteNamespace(String namespace) {
        return inner.deleteNamespace(namespace);
    }

    @Override
    public void close() {
        inner.close();
    }
}
