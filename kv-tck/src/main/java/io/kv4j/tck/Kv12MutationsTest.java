package io.kv4j.tck;

import static io.kv4j.tck.Checks.commit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.KvCheckException;
import io.kv4j.KvCommit;
import io.kv4j.KvConflictException;
import io.kv4j.KvEntry;
import io.kv4j.KvMutationException;
import io.kv4j.KvStore;
import io.kv4j.KvTransaction;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** KV-12 Atomic mutations, versionstamps and checks. */
@Chapter(12)
final class Kv12MutationsTest {

    @Clause("KV-12.1")
    void kv12_1_everyEntryCarriesTheVersionstampOfTheCommitThatWroteIt(Env env) {
        KvStore store = env.store();
        String f = env.fn("versionstamp");
        KvCommit<String> first = store.execute(f, kv -> {
            kv.set("a", 1);
            kv.set("b", 2);
            assertNull(kv.getEntry("a").versionstamp(), "an entry the request wrote itself");
            return "done";
        });
        assertEquals("done", first.result(), "execute returns the body's result");
        String stamp = first.versionstamp();
        assertTrue(stamp != null && stamp.matches("[0-9a-f]{20}"),
                "a versionstamp is 20 lowercase hex digits: " + stamp);
        KvEntry a = store.reader(f).getEntry("a");
        assertEquals(Arrays.asList("a", 1L, stamp), Arrays.asList(a.key(), a.value(),
                a.versionstamp()), "getEntry of a: key, value and the commit's versionstamp");
        assertEquals(stamp, store.reader(f).getEntry("b").versionstamp(),
                "the other entry of the same commit");
        assertNull(store.reader(f).getEntry("missing"), "getEntry of a missing key");
        String second;
        try (KvTransaction tx = store.begin(f)) {
            tx.set("b", 3);
            second = tx.commit();
        }
        assertTrue(second != null && second.compareTo(stamp) > 0,
                "a later commit's versionstamp is greater: " + second + " after " + stamp);
        assertEquals(Arrays.asList(stamp, second), store.reader(f).list("").entries().stream()
                .map(KvEntry::versionstamp).toList(), "the versionstamps of a listing");
        assertEquals(Arrays.asList(second, stamp), store.reader(f).getMany("b", "a").stream()
                .map(KvEntry::versionstamp).toList(), "the versionstamps of getMany");
        assertEquals(stamp, store.run(f, kv -> kv.getEntry("a").versionstamp()),
                "getEntry in a request");
        assertNull(store.execute(f, kv -> kv.get("a")).versionstamp(),
                "the versionstamp of a request that wrote nothing");
    }

    @Clause("KV-12.2")
    void kv12_2_sumMinAndMaxApplyInOrderToTheValueAtCommit(Env env) {
        KvStore store = env.store();
        String f = env.fn("mutations");
        commit(store, f, kv -> {
            kv.set("n", 10);
            kv.sum("fresh", 5);
            kv.min("low", 3);
            kv.max("high", -3);
        });
        assertEquals(Arrays.asList(5L, 3L, -3L), Arrays.asList(store.reader(f).get("fresh"),
                store.reader(f).get("low"), store.reader(f).get("high")),
                "a missing key becomes the operand");
        commit(store, f, kv -> {
            kv.sum("n", 5);
            kv.sum("n", -2);
            kv.max("n", 20);
            kv.min("n", 17);
            kv.sum("n", BigInteger.ONE);
        });
        assertEquals(18L, store.reader(f).get("n"), "(((10 + 5 - 2) max 20) min 17) + 1");
        commit(store, f, kv -> {
            kv.sum("big", Long.MAX_VALUE);
            kv.sum("big", Long.MAX_VALUE);
            kv.max("huge", new BigInteger("123456789012345678901234567890"));
            kv.min("huge", new BigInteger("123456789012345678901234567891"));
        });
        assertEquals(BigInteger.valueOf(Long.MAX_VALUE).multiply(BigInteger.TWO),
                store.reader(f).get("big"), "a sum past Long.MAX_VALUE, exact");
        assertEquals(new BigInteger("123456789012345678901234567890"), store.reader(f).get("huge"),
                "min and max of BigIntegers");
        commit(store, f, kv -> kv.sum("big", -Long.MAX_VALUE));
        assertEquals(Long.MAX_VALUE, store.reader(f).get("big"), "and back");
        commit(store, f, kv -> {
            kv.sum("replaced", 5);
            kv.set("replaced", "text");
            kv.set("after-set", 7);
            kv.sum("after-set", 1);
            kv.sum("deleted", 1);
            kv.delete("deleted");
        });
        assertEquals(Arrays.asList("text", 8L, false), Arrays.asList(
                store.reader(f).get("replaced"), store.reader(f).get("after-set"),
                store.reader(f).has("deleted")), "a set or delete after a sum, a sum after a set");
    }

    /**
     * A range deletion in the request deletes only what its range covers in its own function: a
     * sum of a key it does not cover, or of a key of another function that it would cover,
     * starts from the value the key holds. No read of the keys comes first, so the sums reach
     * the backend as mutations, beside the range deletion, in one commit.
     */
    @Clause("KV-12.2")
    void kv12_2_aSumBesideARangeDeletionStartsFromTheValueUnlessTheRangeCoversIt(Env env) {
        KvStore store = env.store();
        String f = env.fn("sum-range");
        String g = env.fn("sum-range-callee");
        for (String function : List.of(f, g)) {
            commit(store, function, kv -> {
                kv.set("a/1", 41);
                kv.set("b", 41);
            });
        }
        commit(store, f, kv -> {
            kv.deletePrefix("a/");
            kv.sum("b", 1);
            kv.call(g, other -> {
                other.sum("a/1", 1);
                return null;
            });
        });
        assertEquals(Arrays.asList(null, 42L, 42L), Arrays.asList(store.reader(f).get("a/1"),
                store.reader(f).get("b"), store.reader(g).get("a/1")), "a/1 of " + f
                + " deleted; b of " + f + " outside the range, and a/1 of " + g + " in another "
                + "function, summed from 41");
    }

    @Clause("KV-12.3")
    void kv12_3_twoRequestsSummingOneKeyNeverConflict(Env env) {
        KvStore store = env.store();
        String f = env.fn("sums");
        commit(store, f, kv -> kv.set("n", 100));
        try (KvTransaction first = store.begin(f); KvTransaction second = store.begin(f)) {
            first.sum("n", 1);
            first.set("first", true);
            second.sum("n", 10);
            second.max("m", 4);
            second.commit();
            first.max("m", 5);
            first.commit();
        }
        assertEquals(Arrays.asList(111L, 5L, true), Arrays.asList(store.reader(f).get("n"),
                store.reader(f).get("m"), store.reader(f).get("first")),
                "both requests took effect");
        int threads = 4;
        int each = 25;
        AtomicInteger attempts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        commit(store, f, kv -> {
                            attempts.incrementAndGet();
                            kv.sum("counter", 1);
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> d : done) {
                d.get(env.settings().workloadTimeoutMs(), TimeUnit.MILLISECONDS);
            }
        } catch (Exception e) {
            throw new AssertionError("the summing threads failed: " + e, e);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(Arrays.asList((long) threads * each, threads * each),
                Arrays.asList(store.reader(f).get("counter"), attempts.get()),
                "the counter and the attempts of " + threads + " threads summing " + each
                        + " times each: no sum lost, none retried");
    }

    @Clause("KV-12.4")
    void kv12_4_aReadOfAMutatedKeySeesTheResultAndThenDependsOnIt(Env env) {
        KvStore store = env.store();
        String f = env.fn("read-mutated");
        commit(store, f, kv -> {
            kv.set("n", 40);
            kv.set("m", 1);
        });
        List<Object> seen = store.run(f, kv -> {
            kv.sum("n", 2);
            Object get = kv.get("n");
            kv.sum("m", 1);
            Object entry = kv.getEntry("m").value();
            kv.sum("m", 1);
            Object many = kv.getMany("m").get(0).value();
            kv.sum("m", 1);
            Object listed = kv.list("m").entries().get(0).value();
            kv.sum("new", 7);
            return Arrays.asList(get, entry, many, listed, kv.has("new"));
        });
        assertEquals(Arrays.asList(42L, 2L, 3L, 4L, true), seen,
                "get, getEntry, getMany, list and has after sums");
        assertEquals(Arrays.asList(42L, 4L, 7L), Arrays.asList(store.reader(f).get("n"),
                store.reader(f).get("m"), store.reader(f).get("new")), "committed");
        try (KvTransaction tx = store.begin(f)) {
            tx.sum("n", 1);
            assertEquals(43L, tx.get("n"), "the sum, read");
            commit(store, f, kv -> kv.set("n", 0));
            assertThrows(KvConflictException.class, tx::commit,
                    "a commit that changed the key after the request read it");
        }
        assertEquals(0L, store.reader(f).get("n"), "the conflicting request wrote nothing");
    }

    @Clause("KV-12.5")
    void kv12_5_aMutationOfANonIntegerFailsTheRequestWithoutARetry(Env env) {
        KvStore store = env.store();
        String f = env.fn("not-integer");
        commit(store, f, kv -> {
            kv.set("fraction", 1.5);
            kv.set("text", "12");
            kv.set("object", Map.of("n", 1));
            kv.set("null", null);
        });
        for (String key : List.of("fraction", "text", "object", "null")) {
            AtomicInteger attempts = new AtomicInteger();
            KvMutationException e = assertThrows(KvMutationException.class,
                    () -> commit(store, f, kv -> {
                        attempts.incrementAndGet();
                        kv.set("other", key);
                        kv.sum(key, 1);
                    }), "a sum of " + key);
            assertFalse(e.isTransient(), "not transient");
            assertEquals(1, attempts.get(), "run did not run the request again");
            String found = store.reader(f).getEntry(key).json();
            assertTrue(e.getMessage().contains(f) && e.getMessage().contains(key)
                    && e.getMessage().contains(found), "the message names the function, the key "
                    + "and the value " + found + ": " + e.getMessage());
            assertNull(store.reader(f).get("other"), "nothing of the request was written");
        }
        assertThrows(KvMutationException.class, () -> commit(store, f, kv -> kv.max("fraction",
                1)), "a max");
    }

    @Clause("KV-12.6")
    void kv12_6_aCheckLetsTheRequestCommitOnlyIfTheKeyIsUnchanged(Env env) {
        KvStore store = env.store();
        String f = env.fn("check");
        commit(store, f, kv -> kv.set("k", "first"));
        String stamp = store.reader(f).getEntry("k").versionstamp();
        commit(store, f, kv -> {
            kv.check("k", stamp);
            kv.check("absent", null);
            kv.set("passed", 1);
        });
        assertEquals(1L, store.reader(f).get("passed"), "checks that hold");
        try (KvTransaction tx = store.begin(f)) {
            tx.check("k", stamp);
            tx.set("lost", 1);
            commit(store, f, kv -> kv.set("k", "second"));
            KvCheckException e = assertThrows(KvCheckException.class, tx::commit,
                    "a check after a concurrent write of the key");
            assertEquals(Arrays.asList("k", stamp), Arrays.asList(e.key(), e.expected()),
                    "the key and the versionstamp checked");
            assertTrue(e.getMessage().contains(f), "the message names the function: "
                    + e.getMessage());
        }
        assertNull(store.reader(f).get("lost"), "nothing of the failed request was written");
        AtomicInteger attempts = new AtomicInteger();
        KvCheckException e = assertThrows(KvCheckException.class, () -> commit(store, f, kv -> {
            attempts.incrementAndGet();
            kv.check("k", stamp);
            kv.set("lost", 2);
        }), "a check of an old versionstamp in run");
        assertFalse(e.isTransient(), "not transient");
        assertEquals(1, attempts.get(), "run did not run the request again");
        assertThrows(KvCheckException.class, () -> commit(store, f, kv -> kv.check("k", null)),
                "a key that must not exist but does");
        assertThrows(KvCheckException.class, () -> commit(store, f, kv -> kv.check("absent",
                stamp)), "a missing key checked for a versionstamp");
        assertNull(store.reader(f).get("lost"), "still nothing written");
        assertThrows(IllegalArgumentException.class, () -> commit(store, f,
                kv -> kv.check("k", "not a versionstamp")), "a malformed versionstamp");
        String current = store.reader(f).getEntry("k").versionstamp();
        try (KvTransaction tx = store.begin(f)) {
            tx.check("k", current);
            tx.set("after", 1);
            commit(store, f, kv -> kv.set("elsewhere", 1));
            assertNotNull(tx.commit(), "a check that holds while other keys change");
        }
    }
}
