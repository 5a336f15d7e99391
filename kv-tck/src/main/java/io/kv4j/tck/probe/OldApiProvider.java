package io.kv4j.tck.probe;

import io.kv4j.spi.BackendConfig;
import io.kv4j.spi.KvBackend;
import io.kv4j.spi.KvProvider;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A provider built for SPI version 2, older than the oldest this SPI drives, that would accept
 * every URL. Used by the kit for KV-11.5: it must never be asked to open a store.
 */
public final class OldApiProvider implements KvProvider {

    /** The SPI version it declares: the one before version 3 changed what providers implement. */
    public static final int VERSION = 2;

    /** Set when {@link #open} was called, which must never happen. */
    public static final AtomicBoolean OPENED = new AtomicBoolean();

    /** Creates the provider. */
    public OldApiProvider() {
    }

    @Override
    public String scheme() {
        return "tck-old-api";
    }

    @Override
    public boolean accepts(String url) {
        return true;
    }

    @Override
    public KvBackend open(BackendConfig config) {
        OPENED.set(true);
        throw new IllegalStateException("kv-tck probe: a provider of another SPI version was opened");
    }

    @Override
    public int apiVersion() {
        return VERSION;
    }
}
