/**
 * The kv4j API: {@link io.kv4j.KvStore} and the {@link io.kv4j.Kv} a function reads and writes
 * its namespace through. Backends are found through {@link java.util.ServiceLoader}.
 */
module io.kv4j {
    requires transitive io.kv4j.spi;
    requires transitive tools.jackson.databind;

    exports io.kv4j;

    uses io.kv4j.spi.KvProvider;
}
