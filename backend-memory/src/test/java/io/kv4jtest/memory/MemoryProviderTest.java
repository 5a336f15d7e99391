package io.kv4jtest.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.KvStore;
import org.junit.jupiter.api.Test;

/** SPEC KV-11: what {@code kv:memory:} and {@code kv:memory:NAME} share. */
class MemoryProviderTest {

    private static void put(KvStore store, String key, Object value) {
        store.run("f", kv -> {
            kv.set(key, value);
            return null;
        });
    }

    @Test
    void storesOnTheSameNameSeeEachOthersCommits() {
        try (KvStore a = KvStore.open("kv:memory:shared-1"); KvStore b = KvStore.open("kv:memory:shared-1")) {
            put(a, "k", "from a");
            assertEquals("from a", b.reader("f").get("k"));
        }
    }

    @Test
    void privateStoresShareNothing() {
        try (KvStore a = KvStore.open("kv:memory:"); KvStore b = KvStore.open("kv:memory:")) {
            put(a, "k", 1);
            assertNull(b.reader("f").get("k"));
        }
    }

    @Test
    void namedStorageIsDroppedWhenTheLastStoreCloses() {
        try (KvStore a = KvStore.open("kv:memory:shared-2")) {
            put(a, "k", 1);
            try (KvStore b = KvStore.open("kv:memory:shared-2")) {
                assertEquals(1L, b.reader("f").get("k"));
            }
            assertEquals(1L, a.reader("f").get("k"));
        }
        try (KvStore c = KvStore.open("kv:memory:shared-2")) {
            assertNull(c.reader("f").get("k"));
        }
    }

    @Test
    void memoryBackendRejectsOptionsItDoesNotKnow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KvStore.open("kv:memory:?pool-size=3"));
        assertTrue(e.getMessage().contains("'pool-size'"), e.getMessage());
    }

    @Test
    void closedStoreRefusesRequests() {
        KvStore store = KvStore.open("kv:memory:");
        store.close();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> store.reader("f").get("k"));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }
}
