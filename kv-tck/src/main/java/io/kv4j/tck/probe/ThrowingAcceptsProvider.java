package io.kv4j.tck.probe;

import io.kv4j.spi.BackendConfig;
import io.kv4j.spi.KvBackend;
import io.kv4j.spi.KvProvider;

/** A provider whose {@code accepts} throws. Used by the kit for KV-11.3. */
public final class ThrowingAcceptsProvider implements KvProvider {

    /** The message of the failure, which lookup errors must report. */
    public static final String FAILURE = "kv-tck probe: accepts() fails";

    /** Creates the provider. */
    public ThrowingAcceptsProvider() {
    }

    @Override
    public int apiVersion() {
        return API_VERSION;
    }

    @Override
    public String scheme() {
        return "tck-throwing";
    }

    @Override
    public boolean accepts(String url) {
        throw new IllegalStateException(FAILURE);
    }

    @Override
    public KvBackend open(BackendConfig config) {
        throw new AssertionError("a provider whose accepts() threw was opened");
    }
}
