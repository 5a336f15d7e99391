package io.kv4j.tck.probe;

import io.kv4j.spi.KvBackend;
import io.kv4j.spi.KvProvider;
import java.util.Map;

/** A provider that accepts every URL. Used by the kit for KV-11.4: two providers, one URL. */
public final class GreedyProvider implements KvProvider {

    /** Creates the provider. */
    public GreedyProvider() {
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
    public KvBackend open(String url, Map<String, String> options) {
        throw new IllegalStateException("kv-tck probe: the engine chose a provider silently");
    }
}
