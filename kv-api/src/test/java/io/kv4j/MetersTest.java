package io.kv4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The engine's meters, in a registry the application hands in. */
class MetersTest {

    @Test
    void requestsCommitsConflictsAndRetries_areCounted() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (KvStore store = KvStore.builder("kv:checked:").object(registry).open()) {
            store.run("F", kv -> {
                kv.set("x", 0);
                return null;
            });
            int[] calls = {0};
            store.run("F", kv -> {
                Integer x = kv.get("x", Integer.class);
                if (calls[0]++ == 0) {
                    // a commit between this attempt's read and its commit: it conflicts once
                    store.run("F", other -> {
                        other.set("x", 10);
                        return null;
                    });
                }
                kv.set("x", x + 1);
                return null;
            });
            assertThrows(IllegalStateException.class, () -> store.run("F", kv -> {
                throw new IllegalStateException("the body fails");
            }));
        }
        assertEquals(3, registry.get("kv4j.requests").tag("outcome", "committed").timer().count());
        assertEquals(1, registry.get("kv4j.requests").tag("outcome", "failed").timer().count());
        assertEquals(1.0, registry.get("kv4j.conflicts").tag("reason", "changed").counter().count());
        assertEquals(1.0, registry.get("kv4j.retries").counter().count());
        assertEquals(5, registry.get("kv4j.request.attempts").summary().totalAmount(), 0.0);
        assertEquals(1, registry.get("kv4j.commits").tag("outcome", "conflict").timer().count());
        assertEquals(3, registry.get("kv4j.commits").tag("outcome", "committed").timer().count());
        assertTrue(registry.get("kv4j.requests").tag("outcome", "committed").timer()
                .totalTime(TimeUnit.NANOSECONDS) > 0);
    }

    @Test
    void somethingElseThanARegistry_isRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                KvStore.builder("kv:checked:").object("meter-registry", "a registry").open());
        assertTrue(e.getMessage().contains("meter-registry must be an instance of"
                + " io.micrometer.core.instrument.MeterRegistry"), e.getMessage());
    }

    @Test
    void aRegistryIsFoundByItsClass_andAnObjectNoOptionTakes_isRefusedNamingTheObjectOptions() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () ->
                KvStore.builder("kv:checked:").object(new StringBuilder()).open());
        assertEquals("No option of kv:checked: takes an object of class java.lang.StringBuilder;"
                + " its object options are [meter-registry (io.micrometer.core.instrument."
                + "MeterRegistry)]", none.getMessage());
    }
}
