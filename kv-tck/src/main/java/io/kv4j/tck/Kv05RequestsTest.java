package io.kv4j.tck;

import static io.kv4j.tck.Checks.assertNames;
import static io.kv4j.tck.Checks.commit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.Kv;
import io.kv4j.KvConflictException;
import io.kv4j.KvException;
import io.kv4j.KvOutcomeUnknownException;
import io.kv4j.KvReader;
import io.kv4j.KvStore;
import io.kv4j.KvTransaction;
import io.kv4j.KvUnavailableException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.function.Executable;

/** KV-5 Requests. */
@Chapter(5)
final class Kv05RequestsTest {

    @Clause("KV-5.1")
    void kv5_1_runCommitsWhenTheBodyReturnsAndReturnsItsResult(Env env) {
        KvStore store = env.store();
        String f = env.fn("run");
        AtomicInteger calls = new AtomicInteger();
        String result = store.run(f, kv -> {
            calls.incrementAndGet();
            assertEquals(f, kv.function(), "the Kv's function");
            kv.set("k", 1);
            return "result";
        });
        assertEquals("result", result, "run returns the body's result");
        assertEquals(1, calls.get(), "the body ran once");
        assertEquals(1L, store.reader(f).get("k"), "the write committed");
        assertNull(store.run(f, kv -> null), "a null result");
        Object read = store.run(f, kv -> kv.get("k"));
        assertEquals(1L, read, "a body that only reads commits and returns");
    }

    @Clause("KV-5.1")
    void kv5_1_runInsideABodyIsASeparateTransaction(Env env) {
        KvStore store = env.store();
        String f = env.fn("outer");
        String g = env.fn("inner");
        assertThrows(IllegalStateException.class, () -> store.run(f, kv -> {
            kv.set("outer", 1);
            store.run(g, inner -> {
                inner.set("inner", 1);
                return null;
            });
            assertEquals(1L, store.reader(g).get("inner"), "the inner run committed at once");
            throw new IllegalStateException("the outer request fails");
        }));
        assertEquals(1L, store.reader(g).get("inner"), "the inner run's write survives the outer");
        assertFalse(store.reader(f).has("outer"), "the outer request rolled back");
    }

    @Clause("KV-5.2")
    void kv5_2_aThrowingBodyRollsBackEverySetAndDelete(Env env) {
        KvStore store = env.store();
        String f = env.fn("rollback");
        String g = env.fn("callee");
        commit(store, f, kv -> {
            kv.set("overwritten", "old");
            kv.set("deleted", "kept");
        });
        assertThrows(IllegalStateException.class, () -> store.run(f, kv -> {
            kv.set("overwritten", "new");
            kv.delete("deleted");
            kv.set("created", 1);
            kv.call(g, callee -> {
                callee.set("nested", 1);
                return null;
            });
            throw new IllegalStateException("roll back");
        }));
        KvReader r = store.reader(f);
        assertEquals("old", r.get("overwritten"), "an overwritten key holds its earlier value");
        assertEquals("kept", r.get("deleted"), "a deleted key is back");
        assertFalse(r.has("created"), "a created key is absent");
        assertFalse(store.reader(g).has("nested"), "a nested call's write is absent");
    }

    @Clause("KV-5.3")
    void kv5_3_uncheckedExceptionsAndErrorsReachTheCallerAsTheSameInstance(Env env) {
        KvStore store = env.store();
        String f = env.fn("unchecked");
        RuntimeException runtime = new UnsupportedOperationException("from the body");
        assertSame(runtime, assertThrows(RuntimeException.class, () -> store.run(f, kv -> {
            kv.set("k", 1);
            throw runtime;
        })), "the RuntimeException thrown by the body");
        Error error = new AssertionError("an Error from the body");
        assertSame(error, assertThrows(Error.class, () -> store.run(f, kv -> {
            kv.set("k", 1);
            throw error;
        })), "the Error thrown by the body");
        assertFalse(store.reader(f).has("k"), "nothing committed");
    }

    @Clause("KV-5.3")
    void kv5_3_checkedExceptionsAreWrappedWithTheSameCause(Env env) {
        KvStore store = env.store();
        String f = env.fn("checked");
        IOException io = new IOException("from the body");
        KvException e = assertThrows(KvException.class, () -> store.run(f, kv -> {
            kv.set("k", 1);
            throw io;
        }));
        assertSame(io, e.getCause(), "the cause is the checked exception itself");
        assertFalse(store.reader(f).has("k"), "nothing committed");
    }

    @Clause("KV-5.3")
    void kv5_3_interruptedExceptionSetsTheInterruptStatusAgain(Env env) {
        KvStore store = env.store();
        String f = env.fn("interrupted");
        InterruptedException ie = new InterruptedException("from the body");
        KvException e;
        boolean interrupted;
        try {
            e = assertThrows(KvException.class, () -> store.run(f, kv -> {
                throw ie;
            }));
        } finally {
            interrupted = Thread.interrupted();
        }
        assertSame(ie, e.getCause(), "the cause is the InterruptedException itself");
        assertTrue(interrupted, "the thread's interrupt status is set when run throws");
    }

    @Clause("KV-5.4")
    void kv5_4_readsSeeTheRequestsOwnWrites(Env env) {
        KvStore store = env.store();
        String f = env.fn("own-writes");
        commit(store, f, kv -> {
            kv.set("a", 1);
            kv.set("b", 2);
        });
        List<Object> seen = store.run(f, kv -> {
            kv.set("a", 10);
            kv.delete("b");
            kv.set("c", 3);
            kv.call(f, self -> {
                self.set("d", 4);
                return null;
            });
            return Arrays.asList(kv.get("a"), kv.get("a", Long.class), kv.has("b"), kv.get("b"),
                    kv.get("c"), kv.get("d"), kv.has("d"), kv.list("").keys());
        });
        assertEquals(Arrays.asList(10L, 10L, false, null, 3L, 4L, true, List.of("a", "c", "d")), seen,
                "get, typed get, has and list after set, delete and a nested call's set");
    }

    @Clause("KV-5.5")
    void kv5_5_aFailedSetOrDeleteChangesNothingAndTheRequestCanCommit(Env env) {
        KvStore store = env.open(Map.of("max-value-bytes", "50"));
        String f = env.fn("failed-set");
        commit(store, f, kv -> kv.set("committed", "old"));
        commit(store, f, kv -> {
            kv.set("k", "one");
            assertThrows(IllegalArgumentException.class, () -> kv.set("k", Double.NaN), "NaN");
            assertThrows(IllegalArgumentException.class, () -> kv.set("k", "a".repeat(100)),
                    "a value over max-value-bytes");
            assertThrows(IllegalArgumentException.class, () -> kv.set("committed", Double.NaN),
                    "NaN over a committed value");
            assertThrows(IllegalArgumentException.class, () -> kv.set("", 1), "an empty key");
            assertThrows(IllegalArgumentException.class, () -> kv.delete("a\u0000"), "a bad key");
            assertEquals("one", kv.get("k"), "the uncommitted value is unchanged");
            assertEquals("old", kv.get("committed"), "the committed value is unchanged");
        });
        assertEquals("one", store.reader(f).get("k"), "the good write committed");
        assertEquals("old", store.reader(f).get("committed"), "the committed value is unchanged");
        assertEquals(List.of("committed", "k"), store.reader(f).list("").keys(), "nothing else");
    }

    @Clause("KV-5.6")
    void kv5_6_aConflictIsRetriedAndTheRetrySeesNoneOfTheDiscardedWrites(Env env) {
        KvStore store = env.store();
        String f = env.fn("retry");
        commit(store, f, kv -> kv.set("x", 0));
        AtomicInteger attempts = new AtomicInteger();
        AtomicReference<Boolean> retrySawDiscarded = new AtomicReference<>();
        int last = store.run(f, kv -> {
            int n = attempts.incrementAndGet();
            int x = kv.get("x", Integer.class);
            if (n == 1) {
                kv.set("discarded", true);
                store.run(f, other -> {
                    other.set("x", x + 100);
                    return null;
                });
            } else {
                retrySawDiscarded.set(kv.has("discarded"));
            }
            kv.set("x", x + 1);
            return n;
        });
        assertEquals(2, last, "the body ran again after the conflict");
        assertEquals(Boolean.FALSE, retrySawDiscarded.get(), "the retry saw the discarded write");
        assertEquals(101L, store.reader(f).get("x"), "x after the other write and the retry");
        assertFalse(store.reader(f).has("discarded"), "the first attempt's write was discarded");
    }

    @Clause("KV-5.6")
    void kv5_6_runGivesUpAfterMaxRetries(Env env) {
        KvStore store = env.open(Map.of("max-retries", "2"));
        String f = env.fn("give-up");
        commit(store, f, kv -> kv.set("x", 0));
        AtomicInteger attempts = new AtomicInteger();
        assertThrows(KvConflictException.class, () -> store.run(f, kv -> {
            attempts.incrementAndGet();
            int x = kv.get("x", Integer.class);
            store.run(f, other -> {
                other.set("x", x + 100);
                return null;
            });
            kv.set("x", x + 1);
            kv.set("loser", true);
            return null;
        }), "the last attempt also conflicted");
        assertEquals(3, attempts.get(), "max-retries=2 runs the body at most 3 times");
        assertEquals(300L, store.reader(f).get("x"), "only the conflicting writes committed");
        assertFalse(store.reader(f).has("loser"), "no attempt of the request committed");
    }

    @Clause("KV-5.7")
    void kv5_7_whatTheBodyThrowsIsNeverRetried(Env env) {
        KvStore store = env.store();
        String f = env.fn("no-retry");
        // an outage is retried only when the store's own storage reported it: one that the body
        // throws, as if another store or service were down, is the body's own failure
        List<RuntimeException> thrown = List.of(new IllegalArgumentException("tck"),
                new IllegalStateException("tck"), new RuntimeException("tck"),
                new KvUnavailableException("tck: another service is unavailable", null),
                new KvOutcomeUnknownException("tck: not really unknown", null));
        for (RuntimeException t : thrown) {
            AtomicInteger attempts = new AtomicInteger();
            RuntimeException e = assertThrows(RuntimeException.class, () -> store.run(f, kv -> {
                attempts.incrementAndGet();
                kv.set("k", 1);
                throw t;
            }));
            assertSame(t, e, t.getClass().getSimpleName() + " reaches the caller as it is");
            assertEquals(1, attempts.get(), t.getClass().getSimpleName() + ": the body ran once");
        }
        assertFalse(store.reader(f).has("k"), "nothing committed");
    }

    @Clause("KV-5.8")
    void kv5_8_bodySideEffectsShouldBeIdempotent(Env env) {
        Assumptions.abort("untested: KV-5.8 is advice to users, not a duty of a backend");
    }

    @Clause("KV-5.9")
    void kv5_9_anExplicitTransactionsWritesAreVisibleOnlyToItselfUntilCommit(Env env) {
        KvStore store = env.store();
        KvStore other = env.open();
        String f = env.fn("explicit");
        try (KvTransaction tx = store.begin(f)) {
            assertEquals(f, tx.function(), "the transaction's function");
            tx.set("k", "v");
            assertEquals("v", tx.get("k"), "the transaction reads its own write");
            assertFalse(store.reader(f).has("k"), "a reader before commit");
            assertFalse(other.reader(f).has("k"), "a reader of another store before commit");
            Object inOther = store.run(f, kv -> kv.get("k"));
            assertNull(inOther, "another transaction before commit");
            tx.commit();
        }
        assertEquals("v", store.reader(f).get("k"), "a reader after commit");
        assertEquals("v", other.reader(f).get("k"), "a reader of another store after commit");
    }

    @Clause("KV-5.9")
    void kv5_9_aCommitThatConflictsAppliesNothingAndIsNotRetried(Env env) {
        KvStore store = env.store();
        String f = env.fn("explicit-conflict");
        commit(store, f, kv -> kv.set("x", 0));
        KvTransaction tx = store.begin(f);
        int x = tx.get("x", Integer.class);
        commit(store, f, kv -> kv.set("x", 7));
        tx.set("x", x + 1);
        tx.set("y", 1);
        assertThrows(KvConflictException.class, tx::commit, "commit after x changed");
        assertEquals(7L, store.reader(f).get("x"), "x keeps the other transaction's write");
        assertFalse(store.reader(f).has("y"), "none of the transaction's writes applied");
    }

    @Clause("KV-5.10")
    void kv5_10_rollbackAndCloseDiscardEveryWrite(Env env) {
        KvStore store = env.store();
        String f = env.fn("discard");
        KvTransaction rolledBack = store.begin(f);
        rolledBack.set("a", 1);
        rolledBack.rollback();
        rolledBack.close();
        KvTransaction closed = store.begin(f);
        closed.set("b", 1);
        closed.close();
        closed.close();
        KvTransaction committed = store.begin(f);
        committed.set("c", 1);
        committed.commit();
        committed.close();
        committed.close();
        assertEquals(List.of("c"), store.reader(f).list("").keys(),
                "only the committed transaction's write; close after commit changes nothing");
    }

    @Clause("KV-5.11")
    void kv5_11_aFinishedTransactionRefusesEveryCallButClose(Env env) {
        KvStore store = env.store();
        String f = env.fn("finished");
        KvTransaction committed = store.begin(f);
        committed.set("k", 1);
        committed.commit();
        refusesAll(committed, f, "after commit");
        KvTransaction rolledBack = store.begin(f);
        rolledBack.rollback();
        refusesAll(rolledBack, f, "after rollback");
        KvTransaction closed = store.begin(f);
        closed.close();
        refusesAll(closed, f, "after close");
        commit(store, f, kv -> kv.set("x", 0));
        KvTransaction failed = store.begin(f);
        failed.get("x");
        commit(store, f, kv -> kv.set("x", 1));
        failed.set("x", 2);
        assertThrows(KvConflictException.class, failed::commit, "a conflicting commit");
        refusesAll(failed, f, "after a commit that threw");
    }

    @Clause("KV-5.11")
    void kv5_11_aKvUsedAfterItsRunEndsIsRefused(Env env) {
        KvStore store = env.store();
        String f = env.fn("expired");
        Kv leaked = store.run(f, kv -> kv);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> leaked.get("k"),
                "get on a Kv whose run returned");
        assertNames(e, f, "the message names the function");
        assertThrows(IllegalStateException.class, () -> leaked.set("k", 1), "set on an expired Kv");
        assertFalse(store.reader(f).has("k"), "nothing written");
    }

    @Clause("KV-5.12")
    void kv5_12_aClosedStoreRefusesEveryCall(Env env) {
        KvStore store = env.openOwn();
        String f = env.fn("closed");
        KvReader reader = store.reader(f);
        KvTransaction open = store.begin(f);
        open.set("never", 1);
        store.close();
        store.close();
        assertThrows(IllegalStateException.class, () -> store.run(f, kv -> null), "run");
        assertThrows(IllegalStateException.class, () -> store.begin(f), "begin");
        assertThrows(IllegalStateException.class, () -> store.reader(f), "reader");
        assertThrows(IllegalStateException.class, () -> reader.get("k"), "a reader's get");
        assertThrows(IllegalStateException.class, () -> reader.list(""), "a reader's list");
        assertThrows(IllegalStateException.class, () -> open.get("k"), "an open transaction's get");
        assertThrows(IllegalStateException.class, open::commit, "an open transaction's commit");
        open.close();
        try (KvStore other = env.openOwn()) {
            assertFalse((env.storesShareStorage() ? env.store() : other).reader(f).has("never"),
                    "the open transaction never committed");
        }
    }

    @Clause("KV-5.12")
    void kv5_12_aRequestRunningDuringCloseCommitsOrAppliesNothing(Env env) throws Exception {
        Assumptions.assumeTrue(env.storesShareStorage(), "untested: the backend declares "
                + "PRIVATE_TO_STORE, so no other store can look at what a closed one committed");
        KvStore store = env.openOwn();
        String f = env.fn("closing");
        long timeout = env.settings().stepTimeoutMs();
        CountDownLatch inBody = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread request = daemon("a request running during close()", () -> {
            try {
                store.run(f, kv -> {
                    kv.set("written-during-close", 1);
                    inBody.countDown();
                    return release.await(timeout, TimeUnit.MILLISECONDS);
                });
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        assertTrue(inBody.await(timeout, TimeUnit.MILLISECONDS), "the request started in time");
        // close() may wait for the running request, so it runs on its own thread
        Thread closer = daemon("close()", store::close);
        release.countDown();
        request.join(2 * timeout);
        closer.join(2 * timeout);
        assertFalse(request.isAlive() || closer.isAlive(), "the request and close() finished within "
                + 2 * timeout + " ms (" + Tck.STEP_TIMEOUT_MS + ")");
        boolean applied = env.store().reader(f).has("written-during-close");
        if (failure.get() == null) {
            assertTrue(applied, "the request returned, so its write must be committed");
        } else {
            assertTrue(failure.get() instanceof IllegalStateException,
                    "a request cut by close() fails with IllegalStateException, not " + failure.get());
            assertFalse(applied, "the request failed, so its write must not be committed");
        }
    }

    private static Thread daemon(String name, Runnable work) {
        Thread t = new Thread(work, "kv-tck " + name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void refusesAll(KvTransaction tx, String f, String when) {
        Map<String, Executable> calls = Checks.everyCall(tx, f);
        calls.put("commit", tx::commit);
        calls.put("rollback", tx::rollback);
        for (Map.Entry<String, Executable> call : calls.entrySet()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, call.getValue(),
                    call.getKey() + " " + when);
            assertNames(e, f, call.getKey() + " " + when + ": the message names the function");
        }
        tx.close();
        tx.close();
    }
}
