/**
 * The kv4j compatibility kit: JUnit 5 tests of every clause of the SPEC, run against a store URL,
 * and {@link io.kv4j.tck.Tck}, the runner behind {@code kv tck}.
 */
module io.kv4j.tck {
    requires io.kv4j;
    // ForwardingBackend, which tests of other backends extend, names the SPI's types
    requires transitive io.kv4j.spi;
    requires org.junit.jupiter.api;
    requires org.junit.platform.launcher;
    // to watch what the library logs (KV-11.3, KV-11.8)
    requires java.logging;

    exports io.kv4j.tck;

    // JUnit instantiates the test classes and the JSON mapper reads their value types
    opens io.kv4j.tck;

    uses io.kv4j.tck.TckFixture;
}
