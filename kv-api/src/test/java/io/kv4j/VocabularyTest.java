package io.kv4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's rules for mutations, checks, versionstamps, range listings and range deletions:
 * what a request sees of its own, and what its commit asks of the backend.
 */
class VocabularyTest {

    private KvStore store;

    @BeforeEach
    void open() {
        store = KvStore.open("kv:checked:");
        store.run("f", kv -> {
            for (String k : List.of("a", "c", "e", "g", "p/1", "p/3", "q")) {
                kv.set(k, k);
            }
            return null;
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void commit(java.util.function.Consumer<Kv> body) {
        store.run("f", kv -> {
            body.accept(kv);
            return null;
        });
    }

    @Test
    void mutationsOfAKeyComposeInOrder_andTakeNoRead() {
        try (KvTransaction first = store.begin("f"); KvTransaction second = store.begin("f")) {
            first.sum("n", 5);
            first.sum("n", -2);
            first.max("n", 10);
            first.min("n", 7);
            second.sum("n", 100);
            second.commit();
            first.commit(); // no read of n: no conflict
        }
        // 100, then ((100 + 5 - 2) max 10) min 7
        assertEquals(7L, store.reader("f").get("n"));
        store.run("f", kv -> {
            kv.sum("m", 5);
            kv.min("m", 3);
            return null;
        });
        assertEquals(3L, store.reader("f").get("m"), "a missing key starts from the operand");
    }

    @Test
    void aSumPastLongMaxValue_isExact_andReadsBackAsABigInteger() {
        store.run("f", kv -> {
            kv.sum("big", Long.MAX_VALUE);
            kv.sum("big", Long.MAX_VALUE);
            return null;
        });
        assertEquals(BigInteger.valueOf(Long.MAX_VALUE).shiftLeft(1),
                store.reader("f").get("big"));
    }

    @Test
    void aReadOfAMutatedKey_appliesTheMutationLocally_andThenDependsOnTheKey() {
        commit(kv -> kv.set("n", 40));
        try (KvTransaction tx = store.begin("f")) {
            tx.sum("n", 2);
            assertEquals(42L, tx.get("n"), "the get sees the sum");
            tx.sum("n", 1);
            assertEquals(43L, tx.get("n"), "a later sum applies to it");
            commit(kv -> kv.set("n", 0));
            assertThrows(KvConflictException.class, tx::commit, "the request read n");
        }
        try (KvTransaction tx = store.begin("f")) {
            tx.sum("n", 2);
            commit(kv -> kv.set("n", 10));
            tx.commit();
        }
        assertEquals(12L, store.reader("f").get("n"), "without a read the sum applies at commit");
    }

    @Test
    void aSetReplacesEarlierMutations_andAMutationAfterASetAppliesToIt() {
        store.run("f", kv -> {
            kv.sum("x", 5);
            kv.set("x", "text");
            kv.set("y", 10);
            kv.sum("y", 5);
            return null;
        });
        assertEquals("text", store.reader("f").get("x"));
        assertEquals(15L, store.reader("f").get("y"));
    }

    /**
     * A non-integer met when the request applies a mutation itself (after reading the key) and
     * one the backend meets at commit are the same failure, and a long value is shortened alike.
     */
    @Test
    void aNonInteger_isReportedAlike_whetherTheRequestOrTheBackendMeetsIt() {
        String longText = "x".repeat(300);
        commit(kv -> kv.set("s", longText));
        String expected = "key 's' of function 'f' holds '\"" + "x".repeat(63) + "'... (302 bytes), not a "
                + "whole number";
        KvMutationException atCommit = assertThrows(KvMutationException.class,
                () -> commit(kv -> kv.sum("s", 1)));
        KvMutationException inRequest = assertThrows(KvMutationException.class,
                () -> commit(kv -> {
                    kv.sum("s", 1);
                    kv.get("s");
                }));

        assertTrue(atCommit.getMessage().contains(expected), atCommit.getMessage());
        assertTrue(inRequest.getMessage().contains(expected), inRequest.getMessage());
    }

    @Test
    void aMutationOfANonInteger_failsTheRequestOnce_writingNothing() {
        commit(kv -> kv.set("s", 1.5));
        AtomicInteger attempts = new AtomicInteger();
        KvMutationException e = assertThrows(KvMutationException.class, () -> store.run("f", kv -> {
            attempts.incrementAndGet();
            kv.set("other", 1);
            kv.sum("s", 1);
            return null;
        }));
        assertEquals(1, attempts.get(), "not retried");
        assertEquals("f", e.function());
        assertEquals("s", e.key());
        assertTrue(e.getMessage().contains("1.5"), e.getMessage());
        assertNull(store.reader("f").get("other"), "nothing of the request was written");
        assertThrows(KvMutationException.class, () -> store.run("f", kv -> {
            kv.set("t", "no");
            kv.sum("t", 1);
            return null;
        }), "a mutation of the request's own non-integer fails at once");
    }

    @Test
    void versionstamps_areTheCommitsOwn_andOrderedAsCommits() {
        KvCommit<String> first = store.execute("f", kv -> {
            kv.set("v", 1);
            assertNull(kv.getEntry("v").versionstamp(), "an own write has none yet");
            return "one";
        });
        assertEquals("one", first.result());
        String stamp = first.versionstamp();
        assertTrue(stamp.matches("[0-9a-f]{16}0000"), stamp);
        assertEquals(stamp, store.reader("f").getEntry("v").versionstamp());
        String second;
        try (KvTransaction tx = store.begin("f")) {
            tx.set("v", 2);
            second = tx.commit();
        }
        assertTrue(second.compareTo(stamp) > 0, second + " after " + stamp);
        assertEquals(second, store.reader("f").list(KvRange.prefix("v")).entries().get(0)
                .versionstamp());
        assertNull(store.execute("f", kv -> kv.get("v")).versionstamp(), "nothing written");
    }

    @Test
    void aCheck_failsAfterAConcurrentWrite_andIsNotRetried() {
        String stamp = store.reader("f").getEntry("a").versionstamp();
        store.run("f", kv -> {
            kv.check("a", stamp);
            kv.check("none", null);
            kv.set("b", 1);
            return null;
        });
        String current = store.execute("f", kv -> {
            kv.set("a", "changed");
            return null;
        }).versionstamp();
        AtomicInteger attempts = new AtomicInteger();
        KvCheckException e = assertThrows(KvCheckException.class, () -> store.run("f", kv -> {
            attempts.incrementAndGet();
            kv.check("a", stamp);
            kv.set("c", "lost");
            return null;
        }));
        assertEquals(1, attempts.get(), "not retried");
        assertEquals("a", e.key());
        assertEquals(stamp, e.expected());
        assertEquals(current, e.current());
        assertEquals("c", store.reader("f").get("c"), "nothing written");
        assertThrows(KvCheckException.class, () -> store.run("f", kv -> {
            kv.check("a", null);
            return null;
        }), "a key that must not exist");
        assertThrows(IllegalArgumentException.class, () -> store.run("f", kv -> {
            kv.check("a", "0000000000000001000");
            return null;
        }), "a malformed versionstamp");
    }

    @Test
    void aReverseListing_pagesWithItsCursorInReverse_mergingOwnWrites() {
        List<String> keys = store.run("f", kv -> {
            kv.set("d", 1);
            kv.delete("e");
            List<String> out = new ArrayList<>();
            String cursor = null;
            do {
                KvPage page = kv.list(KvRange.all().reverse().limit(2).after(cursor));
                out.addAll(page.keys());
                cursor = page.cursor();
            } while (cursor != null);
            return out;
        });
        List<String> expected = new ArrayList<>(List.of("a", "c", "d", "g", "p/1", "p/3", "q"));
        Collections.reverse(expected);
        assertEquals(expected, keys);
        assertEquals(List.of("d", "c"), store.reader("f").list(KvRange.between("b", "f").reverse())
                .keys(), "start inclusive, end exclusive");
        assertEquals(List.of("p/1"), store.reader("f").list(KvRange.prefix("p/").end("p/3"))
                .keys(), "a prefix and an end");
    }

    @Test
    void aReversePage_coversFromItsLastKeyToTheRangesEnd() {
        try (KvTransaction tx = store.begin("f")) {
            assertEquals(List.of("p/3"), tx.list(KvRange.prefix("p/").reverse().limit(1)).keys());
            commit(kv -> kv.set("p/0", "before the page"));
            tx.set("x", 1);
            tx.commit(); // p/0 lies beyond what the page covered
        }
        try (KvTransaction tx = store.begin("f")) {
            assertEquals(List.of("p/3"), tx.list(KvRange.prefix("p/").reverse().limit(1)).keys());
            commit(kv -> kv.set("p/4", "a phantom"));
            tx.set("x", 2);
            assertThrows(KvConflictException.class, tx::commit);
        }
    }

    @Test
    void aRangeDeletion_isSeenLaterInTheRequest_andOwnLaterSetsStand() {
        store.run("f", kv -> {
            kv.set("p/2", "set before");
            kv.deletePrefix("p/");
            assertNull(kv.get("p/1"));
            assertEquals(List.of(), kv.list("p/").keys());
            kv.set("p/2", "set after");
            kv.sum("p/5", 5);
            assertEquals(List.of("p/2", "p/5"), kv.list("p/").keys());
            return null;
        });
        assertEquals(List.of("p/2", "p/5"), store.reader("f").list("p/").keys());
        assertEquals("set after", store.reader("f").get("p/2"));
        assertEquals(List.of("p/2", "p/5", "q"), store.reader("f").list(KvRange.between("p", null))
                .keys(), "p/1 and p/3 are gone");
    }

    @Test
    void aRangeDeletion_deletesAConcurrentInsert_withoutAConflict() {
        try (KvTransaction tx = store.begin("f")) {
            tx.deleteRange(KvRange.between("b", "f"));
            commit(kv -> kv.set("d", "inserted meanwhile"));
            tx.commit();
        }
        assertEquals(List.of("a", "g"), store.reader("f").list(KvRange.between(null, "p")).keys());
        assertThrows(IllegalArgumentException.class, () -> store.run("f", kv -> {
            kv.deleteRange(KvRange.prefix("p/").limit(1));
            return null;
        }), "a limit");
    }

    @Test
    void aFailedNestedCall_undoesItsMutationsRangeDeletionsAndChecks() {
        store.run("f", kv -> {
            kv.sum("n", 1);
            try {
                kv.call("f", inner -> {
                    inner.sum("n", 10);
                    inner.deletePrefix("p/");
                    inner.check("a", null);
                    throw new IllegalStateException("fails");
                });
            } catch (IllegalStateException expected) {
                // the callee's changes are gone
            }
            return null;
        });
        assertEquals(1L, store.reader("f").get("n"));
        assertEquals(List.of("p/1", "p/3"), store.reader("f").list("p/").keys());
    }

    @Test
    void getMany_answersInTheOrderGiven_withOwnWritesAndNulls() {
        List<KvEntry> entries = store.run("f", kv -> {
            kv.set("new", 1);
            kv.delete("c");
            return kv.getMany("q", "missing", "new", "c", "q");
        });
        assertEquals(Arrays.asList("q", null, "new", null, "q"), entries.stream()
                .map(e -> e == null ? null : e.key()).toList());
        assertNotNull(entries.get(0).versionstamp());
        assertNull(entries.get(2).versionstamp());
        assertThrows(IllegalArgumentException.class,
                () -> store.reader("f").getMany(Collections.nCopies(1001, "a")));
        assertThrows(IllegalArgumentException.class, () -> store.reader("f").getMany());
    }
}
