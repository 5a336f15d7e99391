package io.kv4j.bench;

import io.kv4j.spi.BackendConflictException;
import io.kv4j.spi.Commit;
import io.kv4j.spi.Entry;
import io.kv4j.spi.KvBackend;
import io.kv4j.spi.KvProvider;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code kv:conflicting:}, a private memory store whose first, third, fifth... commit that writes
 * conflicts without applying anything, so that every request that writes runs exactly twice: how
 * the tests see that kv4j's runs of a request body are counted, not its requests.
 */
public final class ConflictingProvider implements KvProvider {

    static final String URL = "kv:conflicting:";

    /** Creates the provider; found through ServiceLoader. */
    public ConflictingProvider() {
    }

    @Override
    public String scheme() {
        return "conflicting";
    }

    @Override
    public boolean accepts(String url) {
        return url.startsWith(URL);
    }

    @Override
    public KvBackend open(String url, Map<String, String> options) {
        KvProvider memory = ServiceLoader.load(KvProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.scheme().equals("memory"))
                .findFirst().orElseThrow();
        return new Conflicting(memory.open("kv:memory:", options));
    }

    private static final class Conflicting implements KvBackend {

        private final KvBackend memory;
        private final AtomicLong writingCommits = new AtomicLong();

        Conflicting(KvBackend memory) {
            this.memory = memory;
        }

        @Override
        public Entry read(String namespace, String key) {
            return memory.read(namespace, key);
        }

        @Override
        public List<Entry> scan(String namespace, String prefix, String startAfter, int limit) {
            return memory.scan(namespace, prefix, startAfter, limit);
        }

        @Override
        public void commit(Commit commit) {
            if (!commit.writes().isEmpty() && writingCommits.getAndIncrement() % 2 == 0) {
                throw new BackendConflictException("every other commit that writes conflicts");
            }
            memory.commit(commit);
        }

        @Override
        public void close() {
            memory.close();
        }
    }
}
