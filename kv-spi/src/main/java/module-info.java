/**
 * The storage contract a kv4j backend implements: a {@link io.kv4j.spi.KvProvider} found by
 * {@link java.util.ServiceLoader} and the {@link io.kv4j.spi.KvBackend} primitives it opens.
 */
module io.kv4j.spi {
    exports io.kv4j.spi;
}
