/**
 * The storage contract a kv4j backend implements: a {@link io.kv4j.spi.KvProvider} found by
 * {@link java.util.ServiceLoader} and the {@link io.kv4j.spi.KvBackend} primitives it opens; and
 * {@code io.kv4j.common}, the few types that applications and backends deliberately share.
 */
module io.kv4j.spi {
    exports io.kv4j.spi;
    exports io.kv4j.common;
}
