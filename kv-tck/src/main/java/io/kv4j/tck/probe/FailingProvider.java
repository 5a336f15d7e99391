package io.kv4j.tck.probe;

import io.kv4j.spi.BackendConfig;
import io.kv4j.spi.KvBackend;
import io.kv4j.spi.KvProvider;

/** A provider that fails to load: its constructor throws. Used by the kit for KV-11.3. */
public final class FailingProvider implements KvProvider {

    /** The message of the failure, which lookup errors must report. */
    public static final String FAILURE = "kv-tck probe: this provider fails to load";

    /**
     * Always fails.
     *
     * @throws IllegalStateException always
     */
    public FailingProvider() {
        throw new IllegalStateException(FAILURE);
    }

    @Override
    public int apiVersion() {
        return API_VERSION;
    }

    @Override
    public String scheme() {
        return "tck-failing";
    }

    @Override
    public boolean accepts(String url) {
        return true;
    }

    @Override
    public KvBackend open(BackendConfig config) {
        throw new AssertionError("a provider that failed to load was opened");
    }
}
