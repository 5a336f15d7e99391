package io.kv4j.tck.probe;

import io.kv4j.spi.BackendConfig;
import io.kv4j.spi.KvBackend;
import io.kv4j.spi.KvProvider;

/** A provider that accepts every URL. Used by the kit for KV-11.4: two providers, one URL. */
public final class GreedyProvider implements KvProvider {

    /** Creates the provider. */
    public GreedyProvider() {
    }

    @Override
    public int apiVersion() {
        return API_VERSION;
    }

    @Override
    public String scheme() {
        return "tck-greedy";
    }

    @Override
    public boolean accepts(String url) {
        return true;
    }

    @Override
    public KvBackend open(BackendConfig config) {
        throw new IllegalStateException("kv-tck probe: the engine chose a provider silently");
    }
}
