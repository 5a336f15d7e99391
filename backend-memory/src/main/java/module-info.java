/**
 * The embedded default backend, for URLs {@code kv:memory:} and {@code kv:memory:NAME}.
 */
module io.kv4j.memory {
    requires io.kv4j.spi;

    provides io.kv4j.spi.KvProvider with io.kv4j.memory.MemoryProvider;
}
