package io.kv4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.spi.BackendException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC KV-5.7: {@code run} runs a request again when its storage was unreachable and nothing was
 * written, within {@code retry-timeout-ms}, and never when a commit's outcome is unknown or the
 * outage is not its store's.
 */
class OutageTest {

    private final AtomicInteger calls = new AtomicInteger();

    @AfterEach
    void answerNormally() {
        ThrowingProvider.next = () -> null;
    }

    /** The backend's first {@code n} calls fail as an unreachable storage does. */
    private void downFor(int n) {
        ThrowingProvider.next = () -> calls.incrementAndGet() <= n
                ? BackendException.unavailable("connection refused", null) : null;
    }

    @Test
    void readsOfAStorageThatIsDown_areRunAgainUntilItIsBack() {
        downFor(3);
        AtomicInteger attempts = new AtomicInteger();
        try (KvStore store = KvStore.open("kv:throwing:")) {
            String result = store.run("f", kv -> {
                attempts.incrementAndGet();
                kv.get("k");
                kv.set("k", 1);
                return "committed";
            });
            assertEquals("committed", result);
            assertEquals(4, attempts.get(), "three attempts met the outage");
        }
    }

    @Test
    void aCommitThatFoundTheStorageDown_isRunAgain() {
        downFor(2);
        AtomicInteger attempts = new AtomicInteger();
        try (KvStore store = KvStore.open("kv:throwing:")) {
            store.run("f", kv -> {
                attempts.incrementAndGet();
                kv.set("k", 1);
                return null;
            });
            assertEquals(3, attempts.get(), "two commits met the outage");
        }
    }

    @Test
    void anOutageLongerThanTheRetryTimeout_endsInUnavailableNamingTheLimit() {
        downFor(Integer.MAX_VALUE);
        try (KvStore store = KvStore.open("kv:throwing:?retry-timeout-ms=300")) {
            long start = System.nanoTime();
            KvUnavailableException e = assertThrows(KvUnavailableException.class,
                    () -> store.run("f", kv -> kv.get("k")));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(ms >= 300 && ms < 3000, "gave up after " + ms + " ms");
            assertTrue(e.getMessage().contains("retry-timeout-ms")
                    && e.getMessage().contains("connection refused"), e.getMessage());
        }
    }

    @Test
    void maxRetriesCapsTheAttemptsInAnOutageToo() {
        downFor(Integer.MAX_VALUE);
        AtomicInteger attempts = new AtomicInteger();
        try (KvStore store = KvStore.open("kv:throwing:?max-retries=2")) {
            KvUnavailableException e = assertThrows(KvUnavailableException.class,
                    () -> store.run("f", kv -> {
                        attempts.incrementAndGet();
                        return kv.get("k");
                    }));
            assertEquals(3, attempts.get());
            assertTrue(e.getMessage().contains("max-retries"), e.getMessage());
        }
    }

    @Test
    void aCommitWhoseOutcomeIsUnknown_isNeverRunAgain() {
        ThrowingProvider.next = () -> BackendException.outcomeUnknown("answer lost", null);
        AtomicInteger attempts = new AtomicInteger();
        try (KvStore store = KvStore.open("kv:throwing:")) {
            assertThrows(KvOutcomeUnknownException.class, () -> store.run("f", kv -> {
                attempts.incrementAndGet();
                kv.set("k", 1);
                return null;
            }));
            assertEquals(1, attempts.get());
        }
    }

    @Test
    void anOutageTheBodyBroughtFromElsewhere_reachesTheCallerAsItIs() {
        KvUnavailableException elsewhere = new KvUnavailableException("another store is down",
                null);
        AtomicInteger attempts = new AtomicInteger();
        try (KvStore store = KvStore.open("kv:throwing:")) {
            KvUnavailableException e = assertThrows(KvUnavailableException.class,
                    () -> store.run("f", kv -> {
                        attempts.incrementAndGet();
                        kv.get("k");
                        throw elsewhere;
                    }));
            assertSame(elsewhere, e);
            assertEquals(1, attempts.get());
        }
    }

    @Test
    void anExplicitTransaction_isNeverRunAgain() {
        try (KvStore store = KvStore.open("kv:throwing:");
                KvTransaction txn = store.begin("f")) {
            txn.set("k", 1);
            downFor(1);
            assertThrows(KvUnavailableException.class, txn::commit);
            assertEquals(1, calls.get(), "calls of the backend");
        }
    }
}
