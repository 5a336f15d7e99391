package io.kv4j.tck;

import static io.kv4j.tck.Checks.assertNames;
import static io.kv4j.tck.Checks.commit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.Kv;
import io.kv4j.KvConflictException;
import io.kv4j.KvException;
import io.kv4j.KvRequest;
import io.kv4j.KvStore;
import io.kv4j.KvTransaction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.function.Executable;

/** KV-6 Nested calls. */
@Chapter(6)
final class Kv06NestedCallsTest {

    @Clause("KV-6.1")
    void kv6_1_aCallRunsOnTheCallingThreadInsideTheCallersTransaction(Env env) {
        KvStore store = env.store();
        String f = env.fn("caller");
        String g = env.fn("callee");
        Thread caller = Thread.currentThread();
        int result = store.run(f, kv -> kv.call(g, callee -> {
            assertSame(caller, Thread.currentThread(), "the call runs on the calling thread");
            assertEquals(g, callee.function(), "the callee's Kv belongs to the callee");
            callee.set("k", "from g");
            assertFalse(store.reader(g).has("k"), "a reader does not see the call's write yet");
            return 7;
        }));
        assertEquals(7, result, "call returns the body's result");
        assertEquals("from g", store.reader(g).get("k"), "the call's write committed with the caller");
        try (KvTransaction tx = store.begin(f)) {
            tx.call(g, callee -> callee.call(env.fn("third"), third -> {
                third.set("deep", true);
                return callee.function();
            }));
            tx.call(g, callee -> {
                callee.set("k", "via a transaction");
                return null;
            });
            tx.commit();
        }
        assertEquals("via a transaction", store.reader(g).get("k"), "a call on a KvTransaction");
    }

    @Clause("KV-6.1")
    void kv6_1_aCallSeesEveryWriteTheTransactionMadeToTheCallee(Env env) {
        KvStore store = env.store();
        String f = env.fn("caller");
        String g = env.fn("callee");
        List<Object> seen = store.run(f, kv -> {
            kv.call(g, callee -> {
                callee.set("a", 1);
                return null;
            });
            return kv.call(g, callee -> Arrays.asList(callee.get("a"), callee.list("").keys()));
        });
        assertEquals(Arrays.asList(1L, List.of("a")), seen, "a later call sees an earlier call's write");
    }

    @Clause("KV-6.2")
    void kv6_2_aFailedCallDiscardsOnlyItsWrites(Env env) {
        KvStore store = env.store();
        String a = env.fn("A");
        String b = env.fn("B");
        String c = env.fn("C");
        IllegalStateException fromB = new IllegalStateException("B fails");
        commit(store, a, kv -> {
            kv.set("a", 1);
            RuntimeException e = assertThrows(RuntimeException.class, () -> kv.call(b, kb -> {
                kb.set("b", 1);
                kb.call(c, kc -> {
                    kc.set("c", 1);
                    return null;
                });
                throw fromB;
            }));
            assertSame(fromB, e, "B's exception reaches A as the same instance");
            kv.set("a2", 2);
        });
        assertEquals(List.of("a", "a2"), store.reader(a).list("").keys(), "A's writes committed");
        assertFalse(store.reader(b).has("b"), "B's write was discarded");
        assertFalse(store.reader(c).has("c"), "C's write, made in B's failed call, was discarded");
    }

    @Clause("KV-6.2")
    void kv6_2_aCheckedExceptionOfACallIsWrapped(Env env) {
        KvStore store = env.store();
        String f = env.fn("caller");
        String g = env.fn("callee");
        IOException io = new IOException("the callee fails");
        commit(store, f, kv -> {
            KvException e = assertThrows(KvException.class, () -> kv.call(g, callee -> {
                callee.set("k", 1);
                throw io;
            }));
            assertSame(io, e.getCause(), "the cause is the callee's checked exception");
            kv.set("after", true);
        });
        assertEquals(true, store.reader(f).get("after"), "the caller committed");
        assertFalse(store.reader(g).has("k"), "the failed call's write was discarded");
    }

    @Clause("KV-6.3")
    void kv6_3_callsWritesAreDiscardedWhenTheOuterTransactionDoesNotCommit(Env env) {
        KvStore store = env.store();
        String f = env.fn("outer");
        String g = env.fn("callee");
        KvRequest<Object> writeG = callee -> {
            callee.set("k", 1);
            return null;
        };
        assertThrows(IllegalStateException.class, () -> store.run(f, kv -> {
            kv.call(g, writeG);
            throw new IllegalStateException("the outer body fails");
        }));
        assertFalse(store.reader(g).has("k"), "after the outer body threw");
        try (KvTransaction tx = store.begin(f)) {
            tx.call(g, writeG);
            tx.rollback();
        }
        assertFalse(store.reader(g).has("k"), "after rollback()");
        commit(store, f, kv -> kv.set("x", 0));
        KvTransaction tx = store.begin(f);
        tx.get("x");
        tx.call(g, writeG);
        commit(store, f, kv -> kv.set("x", 1));
        tx.set("x", 2);
        assertThrows(KvConflictException.class, tx::commit, "the outer commit conflicts");
        assertFalse(store.reader(g).has("k"), "after the outer commit conflicted");
    }

    @Clause("KV-6.4")
    void kv6_4_aReentrantCounterSeesItsCallersUncommittedWrites(Env env) {
        KvStore store = env.store();
        String f = env.fn("counter");
        KvRequest<Object> increment = new KvRequest<>() {
            @Override
            public Object apply(Kv kv) {
                Integer count = kv.get("count", Integer.class);
                int next = count == null ? 1 : count + 1;
                kv.set("count", next);
                return next < 3 ? kv.call(f, this) : next;
            }
        };
        assertEquals(3, store.run(f, increment), "the innermost call's count");
        assertEquals(3L, store.reader(f).get("count"), "count after three re-entrant increments");
    }

    @Clause("KV-6.4")
    void kv6_4_aCallBackToTheCallerSeesItsWritesAndTheCallerSeesTheCallees(Env env) {
        KvStore store = env.store();
        String f = env.fn("f");
        String g = env.fn("g");
        List<Object> seen = store.run(f, kv -> {
            kv.set("mine", "uncommitted");
            Object back = kv.call(g, kg -> kg.call(f, again -> {
                Object was = again.get("mine");
                again.set("from-reentry", true);
                return was;
            }));
            return Arrays.asList(back, kv.get("from-reentry"));
        });
        assertEquals(Arrays.asList("uncommitted", true), seen, "f -> g -> f in both directions");
    }

    @Clause("KV-6.5")
    void kv6_5_theDefaultDepthAllowsFourNestedCallsAndRefusesAFifth(Env env) {
        KvStore store = env.store();
        String f = env.fn("f");
        String g = env.fn("g");
        String h = env.fn("h");
        String[] chain = {g, h, f, g, h};
        AtomicBoolean fifthRan = new AtomicBoolean();
        AtomicReference<IllegalStateException> refused = new AtomicReference<>();
        commit(store, f, kv -> {
            nest(kv, chain, 0, fifthRan, refused);
            kv.set("after", true);
        });
        assertTrue(refused.get() != null, "the fifth nested call was refused");
        assertFalse(fifthRan.get(), "the refused call's body did not run");
        IllegalStateException e = refused.get();
        assertNames(e, "max-call-depth", "the message names the option");
        assertNames(e, "5", "the message names the limit");
        for (String name : List.of(f, g, h)) {
            assertNames(e, name, "the message names the call chain");
        }
        assertTrue(e.getMessage().indexOf(f) < e.getMessage().lastIndexOf(h),
                "the chain runs from the outermost function to the refused one: " + e.getMessage());
        assertEquals(true, store.reader(f).get("after"), "the caller caught it and committed");
        assertEquals(List.of("depth2", "depth5"), store.reader(g).list("depth").keys(),
                "g's writes at depths 2 and 5");
        assertEquals(List.of("depth4"), store.reader(f).list("depth").keys(), "f's write at depth 4");
    }

    @Clause("KV-6.5")
    void kv6_5_theDepthLimitIsConfigurable(Env env) {
        KvStore store = env.open(Map.of("max-call-depth", "2"));
        String f = env.fn("f");
        String g = env.fn("g");
        commit(store, f, kv -> kv.call(g, kg -> {
            kg.set("depth2", true);
            assertThrows(IllegalStateException.class, () -> kg.call(f, kf -> null),
                    "a call at depth 3 with max-call-depth=2");
            return null;
        }));
        assertEquals(true, store.reader(g).get("depth2"), "the call at depth 2 committed");
    }

    @Clause("KV-6.6")
    void kv6_6_aCallsKvUsedAfterTheCallReturnedIsRefused(Env env) {
        KvStore store = env.store();
        String f = env.fn("caller");
        String g = env.fn("callee");
        commit(store, f, kv -> {
            Kv leaked = kv.call(g, callee -> callee);
            assertEquals(List.of(), usable(leaked, g), "calls that worked after the call returned");
            Kv[] thrown = new Kv[1];
            assertThrows(IllegalArgumentException.class, () -> kv.call(g, callee -> {
                thrown[0] = callee;
                throw new IllegalArgumentException("fails");
            }));
            assertEquals(List.of(), usable(thrown[0], g), "calls that worked after the call threw");
        });
        assertFalse(store.reader(g).has("k"), "nothing written");
    }

    @Clause("KV-6.6")
    void kv6_6_anOuterKvIsRefusedWhileANestedCallRuns(Env env) {
        KvStore store = env.store();
        String f = env.fn("caller");
        String g = env.fn("callee");
        List<String> usable = new ArrayList<>();
        commit(store, f, kv -> kv.call(g, callee -> {
            usable.addAll(usable(kv, f));
            return null;
        }));
        assertEquals(List.of(), usable, "calls that worked on the outer Kv during a nested call");
        assertFalse(store.reader(f).has("k") || store.reader(f).has("n"),
                "the outer Kv wrote during the call");
    }

    /** The calls of a Kv that do not throw IllegalStateException. */
    private static List<String> usable(Kv kv, String function) {
        List<String> usable = new ArrayList<>();
        for (Map.Entry<String, Executable> call : Checks.everyCall(kv, function).entrySet()) {
            try {
                call.getValue().execute();
                usable.add(call.getKey());
            } catch (IllegalStateException expected) {
                // what the clause asks for
            } catch (Throwable e) {
                usable.add(call.getKey() + " (threw " + e + ")");
            }
        }
        return usable;
    }

    private static void nest(Kv kv, String[] chain, int i, AtomicBoolean fifthRan,
            AtomicReference<IllegalStateException> refused) {
        if (i == chain.length) {
            return;
        }
        try {
            kv.call(chain[i], next -> {
                if (i == 4) {
                    fifthRan.set(true);
                }
                next.set("depth" + (i + 2), true);
                nest(next, chain, i + 1, fifthRan, refused);
                return null;
            });
        } catch (IllegalStateException e) {
            refused.set(e);
        }
    }
}
