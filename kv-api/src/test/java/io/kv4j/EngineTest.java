package io.kv4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The request engine's retry and failure rules (SPEC KV-5), on an in-test backend. */
class EngineTest {

    @Test
    void conflictIsRetriedAndThenSucceeds() {
        try (KvStore store = KvStore.open("kv:checked:")) {
            AtomicInteger attempts = new AtomicInteger();
            int result = store.run("f", kv -> {
                Integer n = kv.get("n", Integer.class);
                if (attempts.incrementAndGet() == 1) {
                    interfere(store);
                }
                kv.set("n", (n == null ? 0 : n) + 1);
                return kv.get("n", Integer.class);
            });
            assertEquals(2, attempts.get());
            assertEquals(101, result);
        }
    }

    @Test
    void conflictsBeyondMaxRetriesReachTheCaller() {
        try (KvStore store = KvStore.open("kv:checked:?max-retries=3&retry-backoff-ms=0&retry-max-backoff-ms=0")) {
            AtomicInteger attempts = new AtomicInteger();
            KvConflictException e = assertThrows(KvConflictException.class, () -> store.run("f", kv -> {
                kv.get("n");
                attempts.incrementAndGet();
                interfere(store);
                kv.set("n", 0);
                return null;
            }));
            assertEquals(4, attempts.get());
            assertTrue(e.getMessage().contains("gave up after 3 retries"), e.getMessage());
        }
    }

    @Test
    void bodyThatFailsAfterAStaleReadIsRunAgain() {
        try (KvStore store = KvStore.open("kv:checked:")) {
            AtomicInteger attempts = new AtomicInteger();
            String result = store.run("f", kv -> {
                // two reads: one alone is a consistent view whatever happens after it
                kv.get("other");
                Object seen = kv.get("n");
                if (attempts.incrementAndGet() == 1) {
                    interfere(store);
                    throw new IllegalStateException("invariant broken by an inconsistent view");
                }
                return "ran again after seeing " + seen;
            });
            assertEquals("ran again after seeing 100", result);
        }
    }

    @Test
    void bodyThatFailsOnCurrentDataIsNotRetried() {
        try (KvStore store = KvStore.open("kv:checked:")) {
            AtomicInteger attempts = new AtomicInteger();
            IllegalStateException boom = new IllegalStateException("boom");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.run("f", kv -> {
                kv.get("n");
                attempts.incrementAndGet();
                throw boom;
            }));
            assertSame(boom, e);
            assertEquals(1, attempts.get());
        }
    }

    @Test
    void checkedExceptionIsWrappedWithTheOriginalAsCause() {
        try (KvStore store = KvStore.open("kv:checked:")) {
            KvException e = assertThrows(KvException.class, () -> store.run("f", kv -> {
                kv.set("k", 1);
                throw new IOException("disk on fire");
            }));
            assertInstanceOf(IOException.class, e.getCause());
            assertNull(store.reader("f").get("k"));
        }
    }

    @Test
    void explicitCommitReportsAConflictWithoutRetrying() {
        try (KvStore store = KvStore.open("kv:checked:")) {
            KvTransaction tx = store.begin("f");
            tx.get("n");
            interfere(store);
            tx.set("n", 1);
            assertThrows(KvConflictException.class, tx::commit);
            assertEquals(100L, store.reader("f").get("n"));
            assertThrows(IllegalStateException.class, () -> tx.get("n"));
        }
    }

    /** A commit by another request in the middle of this one, on another thread. */
    private static void interfere(KvStore store) {
        Thread t = new Thread(() -> store.run("f", kv -> {
            kv.set("n", 100);
            return null;
        }));
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
