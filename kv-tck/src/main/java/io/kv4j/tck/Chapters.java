package io.kv4j.tck;

import java.util.List;

/** The kit's test classes, one per SPEC chapter, in chapter order. */
final class Chapters {

    static final List<Class<?>> ALL = List.of(Kv01CallsTest.class, Kv02ValuesTest.class,
            Kv03KeysTest.class, Kv04NamespacesTest.class, Kv05RequestsTest.class,
            Kv06NestedCallsTest.class, Kv07IsolationTest.class, Kv08ReadersTest.class,
            Kv09DurabilityTest.class, Kv10ListingTest.class, Kv11DiscoveryTest.class,
            Kv12MutationsTest.class);

    private Chapters() {
    }
}
