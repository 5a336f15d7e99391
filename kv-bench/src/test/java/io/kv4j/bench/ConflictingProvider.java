package io.kv4j.bench;

import io.kv4j.common.ConflictReason;
import io.kv4j.spi.BackendConfig;
import io.kv4j.spi.BackendException;
import io.kv4j.spi.Commit;
import io.kv4j.spi.KvBackend;
import io.kv4j.spi.KvProvider;
import io.kv4j.tck.ForwardingBackend;
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
    public int apiVersion() {
        return API_VERSION;
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
    public KvBackend open(BackendConfig config) {
        KvProvider memory = ServiceLoader.load(KvProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.scheme().equals("memory"))
                .findFirst().orElseThrow();
        return new Conflicting(memory.open(BackendConfig.of("kv:memory:", Map.of(), List.of())));
    }

    /** The memory backend, but every other commit that writes conflicts. */
    private static final class Conflicting extends ForwardingBackend {

        private final AtomicLong writingCommits = new AtomicLong();

        Conflicting(KvBackend memory) {
            super(memory);
        }

        @Override
        public long commit(Commit commit) {
            if (!commit.writes().isEmpty() && writingCommits.getAndIncrement() % 2 == 0) {
                throw BackendException.conflict(ConflictReason.CHANGED, null, null, null,
                        "every other commit that writes conflicts", null);
            }
            return inner.commit(commit);
        }
    }
}
