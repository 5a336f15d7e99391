/**
 * The kv4j API: {@link io.kv4j.KvStore} and the {@link io.kv4j.Kv} a function reads and writes
 * its namespace through. Backends are found through {@link java.util.ServiceLoader}.
 *
 * <p>Micrometer is an automatic module (it has no module-info of its own).
 */
@SuppressWarnings("requires-automatic")
module io.kv4j {
    requires transitive io.kv4j.spi;
    requires transitive tools.jackson.databind;
    // meters, only when an application hands in a MeterRegistry
    requires static micrometer.core;

    exports io.kv4j;

    uses io.kv4j.spi.KvProvider;
}
