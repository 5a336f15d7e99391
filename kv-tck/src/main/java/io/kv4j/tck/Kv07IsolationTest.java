package io.kv4j.tck;

import static io.kv4j.tck.Checks.commit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.KvConflictException;
import io.kv4j.KvEntry;
import io.kv4j.KvPage;
import io.kv4j.KvReader;
import io.kv4j.KvStore;
import io.kv4j.KvTransaction;
import io.kv4j.common.Capability;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;

/**
 * KV-7 Isolation: one scripted interleaving of two explicit transactions per anomaly, each on
 * its own store and thread, and seeded concurrent workloads through two stores.
 */
@Chapter(7)
final class Kv07IsolationTest {

    private static final int ACCOUNTS = 5;
    private static final int BALANCE = 100;
    /** Threads of the liveness workloads (KV-7.13): more than a machine's cores, as in a server. */
    private static final int CONTENDERS = 16;
    /** A workload thread stops after this many requests outlasted their retries. */
    private static final int STARVED = 2;

    @Clause("KV-7.1")
    void kv7_1_concurrentTransfersKeepTheTotal(Env env) {
        String f = env.fn("bank");
        KvStore[] stores = {env.open(), env.open()};
        commit(stores[0], f, kv -> {
            for (int i = 0; i < ACCOUNTS; i++) {
                kv.set("acct/" + i, BALANCE);
            }
        });
        int total = ACCOUNTS * BALANCE;
        int requests = env.settings().workloadRequests();
        Workload.run(env, "concurrent transfers", (thread, random, history) -> {
            KvStore store = stores[thread % 2];
            int gaveUp = 0;
            for (int n = 0; n < requests && gaveUp < STARVED; n++) {
                int op = random.nextInt(10);
                try {
                    if (op < 6) {
                        int from = random.nextInt(ACCOUNTS);
                        int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
                        int amount = 1 + random.nextInt(20);
                        boolean moved = store.run(f, kv -> {
                            int a = kv.get("acct/" + from, Integer.class);
                            int b = kv.get("acct/" + to, Integer.class);
                            if (a < amount) {
                                return false;
                            }
                            kv.set("acct/" + from, a - amount);
                            kv.set("acct/" + to, b + amount);
                            return true;
                        });
                        history.add("T" + thread + " transfer " + amount + " " + from + "->" + to
                                + (moved ? "" : " (refused: too little)"));
                    } else if (op < 8) {
                        int sum = store.run(f, kv -> {
                            int s = 0;
                            for (int i = 0; i < ACCOUNTS; i++) {
                                s += kv.get("acct/" + i, Integer.class);
                            }
                            return s;
                        });
                        history.add("T" + thread + " sum by get = " + sum);
                        if (sum != total) {
                            throw Workload.failure("a committed request summed the accounts by get "
                                    + "to " + sum + ", not " + total, env, null);
                        }
                    } else {
                        int sum = store.run(f, kv -> sum(kv.list("acct/", null, ACCOUNTS + 1)));
                        history.add("T" + thread + " sum by list = " + sum);
                        if (sum != total) {
                            throw Workload.failure("a committed request summed the accounts by "
                                    + "listing to " + sum + ", not " + total, env, null);
                        }
                    }
                } catch (KvConflictException e) {
                    gaveUp++;
                    history.add("T" + thread + " gave up after retries");
                }
            }
        });
        int atEnd = sum(stores[1].reader(f).list("acct/"));
        if (atEnd != total) {
            throw Workload.failure("the accounts total " + atEnd + " after the transfers, not "
                    + total, env, null);
        }
    }

    @Clause("KV-7.1")
    void kv7_1_twoTransfersFromOneAccountCannotBothCommit(Env env) {
        String f = env.fn("transfers");
        commit(env.store(), f, kv -> {
            kv.set("acct/a", 100);
            kv.set("acct/b", 0);
            kv.set("acct/c", 0);
        });
        Session t1 = env.session("T1", env.store(), f);
        Session t2 = env.session("T2", env.open(), f);
        Object a1 = t1.get("acct/a");
        Object b1 = t1.get("acct/b");
        Object a2 = t2.get("acct/a");
        Object c2 = t2.get("acct/c");
        if (a1 != null && b1 != null) {
            t1.set("acct/a", (Long) a1 - 60);
            t1.set("acct/b", (Long) b1 + 60);
        }
        if (a2 != null && c2 != null) {
            t2.set("acct/a", (Long) a2 - 60);
            t2.set("acct/c", (Long) c2 + 60);
        }
        boolean c1 = t1.commit();
        boolean c2committed = t2.commit();
        List<Object> state = store3(env, f);
        List<Object> expected = c1 && !c2committed ? List.of(40L, 60L, 0L)
                : c2committed && !c1 ? List.of(40L, 0L, 60L) : List.of(100L, 0L, 0L);
        assertFalse(c1 && c2committed, "both transfers of 60 from the 100 of account a committed; "
                + "accounts a, b, c: " + state + "; history: " + env.history());
        assertEquals(expected, state, "accounts a, b, c after T1 " + (c1 ? "committed" : "conflicted")
                + " and T2 " + (c2committed ? "committed" : "conflicted") + "; history: "
                + env.history());
    }

    @Clause("KV-7.1")
    void kv7_1_anAuditThatListsAcrossATransferCommitsOnlyTheTrueTotal(Env env) {
        String f = env.fn("audit");
        commit(env.store(), f, kv -> {
            for (int i = 0; i < ACCOUNTS; i++) {
                kv.set("acct/" + i, BALANCE);
            }
        });
        Session t1 = env.session("T1", env.store(), f);
        KvPage first = t1.step("list acct/ by 2", t -> t.list("acct/", null, 2));
        commit(env.open(), f, kv -> {
            kv.set("acct/1", BALANCE - 30);
            kv.set("acct/3", BALANCE + 30);
        });
        env.history().add("T2 moved 30 from acct/1 to acct/3 and committed");
        KvPage rest = first == null ? null : t1.step("list the rest of acct/",
                t -> t.list("acct/", first.cursor(), ACCOUNTS));
        int sum = first == null || rest == null ? ACCOUNTS * BALANCE : sum(first) + sum(rest);
        if (!t1.conflicted()) {
            t1.set("audit", sum);
        }
        boolean committed = t1.commit();
        assertFalse(committed && sum != ACCOUNTS * BALANCE, "T1 committed a total of " + sum
                + ", not " + ACCOUNTS * BALANCE + ", from a listing whose first page T2 changed; "
                + "history: " + env.history());
    }

    private static List<Object> store3(Env env, String f) {
        KvReader r = env.store().reader(f);
        return Arrays.asList(r.get("acct/a"), r.get("acct/b"), r.get("acct/c"));
    }

    @Clause("KV-7.2")
    void kv7_2_dirtyWritesArePrevented(Env env) {
        String f = env.fn("g0");
        commit(env.store(), f, kv -> {
            kv.set("x", 0);
            kv.set("y", 0);
        });
        Session t1 = env.session("T1", env.store(), f);
        Session t2 = env.session("T2", env.open(), f);
        t1.set("x", 1);
        t2.set("x", 2);
        t1.set("y", 1);
        t2.set("y", 2);
        boolean c1 = t1.commit();
        boolean c2 = t2.commit();
        KvReader r = env.store().reader(f);
        Object x = r.get("x");
        Object y = r.get("y");
        assertEquals(x, y, "x and y must come from the same transaction (T1 " + (c1 ? "committed"
                : "conflicted") + ", T2 " + (c2 ? "committed" : "conflicted") + "); history: "
                + env.history());
        if (c1 && c2) {
            assertEquals(2L, x, "both committed, T2 last: its writes win");
        }
    }

    @Clause("KV-7.3")
    void kv7_3_aRolledBackWriteIsNeverRead(Env env) {
        KvStore store = env.store();
        String f = env.fn("g1a");
        commit(store, f, kv -> kv.set("x", "old"));
        Session t1 = env.session("T1", store, f);
        Session t2 = env.session("T2", env.open(), f);
        t1.set("x", "aborted");
        Object before = t2.get("x");
        Object readerBefore = store.reader(f).get("x");
        t1.rollback();
        Session t3 = env.session("T3", env.open(), f);
        Object after = t3.get("x");
        assertTrue(t2.commit() && t3.commit(), "read-only transactions commit alone");
        assertEquals(Arrays.asList("old", "old", "old", "old"),
                Arrays.asList(before, readerBefore, after, store.reader(f).get("x")),
                "reads before and after T1 rolled back; history: " + env.history());
        assertTrue(Objects.equals("old", store.run(f, kv -> {
            try {
                store.run(f, body -> {
                    body.set("x", "thrown away");
                    assertEquals("old", store.reader(f).get("x"), "a reader during the body");
                    throw new IllegalStateException("roll back");
                });
            } catch (IllegalStateException expected) {
                // the rollback under test
            }
            return kv.get("x");
        })), "a transaction after a run body threw");
    }

    @Clause("KV-7.4")
    void kv7_4_anIntermediateWriteIsNeverRead(Env env) {
        KvStore store = env.store();
        String f = env.fn("g1b");
        commit(store, f, kv -> kv.set("x", 1));
        Session t1 = env.session("T1", store, f);
        Session t2 = env.session("T2", env.open(), f);
        t1.set("x", 2);
        Object during = t2.get("x");
        Object readerDuring = store.reader(f).get("x");
        t1.set("x", 3);
        assertTrue(t1.commit(), "T1 has nothing to conflict with");
        Object afterInT2 = t2.get("x");
        t2.commit();
        Object later = store.reader(f).get("x");
        for (Object seen : Arrays.asList(during, readerDuring, afterInT2, later)) {
            assertNotEquals(2L, seen, "the intermediate value 2 was read; history: " + env.history());
        }
        assertEquals(Arrays.asList(1L, 1L, 3L), Arrays.asList(during, readerDuring, later),
                "T2 and a reader before T1 committed, and a reader after; history: " + env.history());
    }

    @Clause("KV-7.5")
    void kv7_5_circularInformationFlowIsPrevented(Env env) {
        String f = env.fn("g1c");
        commit(env.store(), f, kv -> {
            kv.set("x", 0);
            kv.set("y", 0);
        });
        Session t1 = env.session("T1", env.store(), f);
        Session t2 = env.session("T2", env.open(), f);
        t1.set("x", 1);
        t2.set("y", 1);
        Object yInT1 = t1.get("y");
        Object xInT2 = t2.get("x");
        if (!t1.conflicted()) {
            assertEquals(0L, yInT1, "T1 read T2's uncommitted y; history: " + env.history());
        }
        if (!t2.conflicted()) {
            assertEquals(0L, xInT2, "T2 read T1's uncommitted x; history: " + env.history());
        }
        boolean c1 = t1.commit();
        boolean c2 = t2.commit();
        assertFalse(c1 && c2, "both committed although each missed the other's write; history: "
                + env.history());
    }

    @Clause("KV-7.6")
    void kv7_6_aLostUpdateIsPrevented(Env env) {
        String f = env.fn("p4");
        commit(env.store(), f, kv -> kv.set("x", 0));
        Session t1 = env.session("T1", env.store(), f);
        Session t2 = env.session("T2", env.open(), f);
        Object x1 = t1.get("x");
        Object x2 = t2.get("x");
        if (x1 != null) {
            t1.set("x", (Long) x1 + 1);
        }
        if (x2 != null) {
            t2.set("x", (Long) x2 + 1);
        }
        boolean c1 = t1.commit();
        boolean c2 = t2.commit();
        assertFalse(c1 && c2, "both increments committed from x=0; history: " + env.history());
        assertEquals((c1 || c2) ? 1L : 0L, env.store().reader(f).get("x"),
                "x after the committed increments; history: " + env.history());
    }

    @Clause("KV-7.6")
    void kv7_6_concurrentIncrementsLoseNothing(Env env) {
        String f = env.fn("counter");
        KvStore[] stores = {env.open(), env.open()};
        commit(stores[0], f, kv -> kv.set("count", 0));
        AtomicInteger committed = new AtomicInteger();
        int requests = env.settings().workloadRequests();
        Workload.run(env, "concurrent increments", (thread, random, history) -> {
            int gaveUp = 0;
            for (int n = 0; n < requests && gaveUp < STARVED; n++) {
                try {
                    int now = stores[(thread + n) % 2].run(f, kv -> {
                        int c = kv.get("count", Integer.class);
                        kv.set("count", c + 1);
                        return c + 1;
                    });
                    committed.incrementAndGet();
                    if (random.nextInt(20) == 0) {
                        history.add("T" + thread + " count -> " + now);
                    }
                } catch (KvConflictException e) {
                    gaveUp++;
                    history.add("T" + thread + " gave up after retries");
                }
            }
        });
        assertTrue(committed.get() > 0, "no increment committed at all");
        Object count = stores[1].reader(f).get("count");
        if (!Objects.equals((long) committed.get(), count)) {
            throw Workload.failure("count is " + count + " after " + committed.get()
                    + " committed increments", env, null);
        }
    }

    @Clause("KV-7.6")
    void kv7_6_twoTransactionsCreatingAMissingKeyCannotBothCommit(Env env) {
        String f = env.fn("p4-missing");
        Session t1 = env.session("T1", env.store(), f);
        Session t2 = env.session("T2", env.open(), f);
        Object x1 = t1.get("x");
        Object x2 = t2.get("x");
        if (x1 == null) {
            t1.set("x", "created by T1");
        }
        if (x2 == null) {
            t2.set("x", "created by T2");
        }
        boolean c1 = t1.commit();
        boolean c2 = t2.commit();
        assertFalse(c1 && c2, "both found x missing and both created it; history: "
                + env.history());
    }

    @Clause("KV-7.6")
    void kv7_6_anUpdateOfAKeyDeletedSinceItWasReadDoesNotCommit(Env env) {
        String f = env.fn("p4-deleted");
        commit(env.store(), f, kv -> kv.set("x", 10));
        Session t1 = env.session("T1", env.store(), f);
        Object x = t1.get("x");
        commit(env.open(), f, kv -> kv.delete("x"));
        env.history().add("T2 deleted x and committed");
        if (x != null) {
            t1.set("x", (Long) x + 1);
        }
        boolean committed = t1.commit();
        assertFalse(committed, "T1 set x from the value " + x + " it read, although T2 deleted x "
                + "since, so T2's delete was lost; history: " + env.history());
        assertFalse(env.store().reader(f).has("x"), "x after T2's delete; history: "
                + env.history());
    }

    @Clause("KV-7.6")
    void kv7_6_aKeyDeletedAndSetAgainSinceItWasReadStillCountsAsChanged(Env env) {
        String f = env.fn("p4-recreated");
        commit(env.store(), f, kv -> kv.set("x", 0));
        Session t1 = env.session("T1", env.store(), f);
        Object x = t1.get("x");
        KvStore other = env.open();
        commit(other, f, kv -> kv.delete("x"));
        commit(other, f, kv -> kv.set("x", 5));
        env.history().add("T2 deleted x, T3 set x=5, each committed");
        if (x != null) {
            t1.set("x", (Long) x + 1);
        }
        boolean committed = t1.commit();
        assertFalse(committed, "T1 set x from the value " + x + " it read, although x was deleted "
                + "and set to 5 since, so that update was lost (were the key's versions given "
                + "again?); history: " + env.history());
        assertEquals(5L, env.store().reader(f).get("x"), "x after T3; history: " + env.history());
    }

    @Clause("KV-7.7")
    void kv7_7_readSkewIsPrevented(Env env) {
        for (boolean readOnly : new boolean[] {true, false}) {
            String f = env.fn("g-single");
            commit(env.store(), f, kv -> {
                kv.set("x", 50);
                kv.set("y", 50);
            });
            Session t1 = env.session("T1", env.store(), f);
            Object x = t1.get("x");
            commit(env.open(), f, kv -> {
                kv.set("x", 25);
                kv.set("y", 75);
            });
            env.history().add("T2 set x=25, y=75 and committed");
            Object y = t1.get("y");
            if (!readOnly && !t1.conflicted()) {
                t1.set("sum", (Long) x + (Long) y);
            }
            boolean committed = t1.commit();
            if (committed) {
                assertEquals(100, (Long) x + (Long) y, (readOnly ? "a read-only" : "a writing")
                        + " T1 committed after reading x=" + x + ", y=" + y + "; history: "
                        + env.history());
            }
        }
    }

    @Clause("KV-7.8")
    void kv7_8_writeSkewIsPrevented(Env env) {
        String f = env.fn("g2-item");
        commit(env.store(), f, kv -> {
            kv.set("x", 1);
            kv.set("y", 1);
        });
        Session t1 = env.session("T1", env.store(), f);
        Session t2 = env.session("T2", env.open(), f);
        t1.get("x");
        t1.get("y");
        t2.get("x");
        t2.get("y");
        t1.set("x", 0);
        t2.set("y", 0);
        boolean c1 = t1.commit();
        boolean c2 = t2.commit();
        assertFalse(c1 && c2, "both committed after each read x and y; history: " + env.history());
    }

    @Clause("KV-7.9")
    void kv7_9_aWriteBasedOnAListingThatChangedDoesNotCommit(Env env) {
        aWriteBasedOnAChangedListingDoesNotCommit(env, "p/", "phantom");
    }

    /**
     * T1 lists a prefix and writes a count of what it saw; T2 adds a key under the prefix, or
     * deletes one, and commits first: T1 must not commit. The phantom check is the same for a
     * prefix and for the whole function (the empty prefix).
     */
    private static void aWriteBasedOnAChangedListingDoesNotCommit(Env env, String prefix,
            String function) {
        for (boolean add : new boolean[] {true, false}) {
            String f = env.fn(function);
            commit(env.store(), f, kv -> {
                kv.set(prefix + "a", 1);
                kv.set(prefix + "c", 1);
            });
            Session t1 = env.session("T1", env.store(), f);
            List<String> listed = t1.list(prefix);
            commit(env.open(), f, kv -> {
                if (add) {
                    kv.set(prefix + "b", 1);
                } else {
                    kv.delete(prefix + "c");
                }
            });
            env.history().add("T2 " + (add ? "added " + prefix + "b" : "deleted " + prefix + "c")
                    + " and committed");
            if (listed != null) {
                t1.set("count", listed.size());
            }
            assertFalse(t1.commit(), "T1 committed a count from a listing of prefix '" + prefix
                    + "' that T2 changed (" + (add ? "added" : "deleted") + " a key); history: "
                    + env.history());
        }
    }

    @Clause("KV-7.9")
    void kv7_9_aReadOnlyTransactionWhoseListingsDifferDoesNotCommit(Env env) {
        String f = env.fn("phantom-ro");
        commit(env.store(), f, kv -> kv.set("p/a", 1));
        Session t1 = env.session("T1", env.store(), f);
        List<String> first = t1.list("p/");
        commit(env.open(), f, kv -> kv.set("p/b", 1));
        env.history().add("T2 added p/b and committed");
        List<String> second = t1.list("p/");
        boolean committed = t1.commit();
        assertFalse(committed && !Objects.equals(first, second),
                "T1 committed after listing " + first + " and then " + second + "; history: "
                        + env.history());
    }

    @Clause("KV-7.9")
    void kv7_9_twoInsertsIntoAnEmptyListingCannotBothCommit(Env env) {
        twoInsertsIntoAnEmptyListingCannotBothCommit(env, "p/", "phantom-insert");
    }

    @Clause("KV-7.9")
    void kv7_9_listingsOfTheWholeFunctionAreCheckedForPhantomsToo(Env env) {
        aWriteBasedOnAChangedListingDoesNotCommit(env, "", "phantom-all");
        twoInsertsIntoAnEmptyListingCannotBothCommit(env, "", "phantom-all-empty");
    }

    /** Two transactions each find a prefix empty and each add a key under it: not both commit. */
    private static void twoInsertsIntoAnEmptyListingCannotBothCommit(Env env, String prefix,
            String function) {
        String f = env.fn(function);
        Session t1 = env.session("T1", env.store(), f);
        Session t2 = env.session("T2", env.open(), f);
        List<String> l1 = t1.list(prefix);
        List<String> l2 = t2.list(prefix);
        if (l1 != null && l1.isEmpty()) {
            t1.set(prefix + "1", "first");
        }
        if (l2 != null && l2.isEmpty()) {
            t2.set(prefix + "2", "first");
        }
        boolean c1 = t1.commit();
        boolean c2 = t2.commit();
        assertFalse(c1 && c2, "both found prefix '" + prefix + "' empty and both added a key; "
                + "history: " + env.history());
    }

    @Clause("KV-7.10")
    void kv7_10_aCommitThatConflictsAppliesNoneOfItsSetsAndDeletes(Env env) {
        String f = env.fn("atomic-conflict");
        String g = f + "/callee";
        commit(env.store(), f, kv -> {
            kv.set("x", 0);
            kv.set("d", "kept");
            kv.call(g, callee -> {
                callee.set("d", "kept");
                return null;
            });
        });
        Session t1 = env.session("T1", env.store(), f);
        t1.get("x");
        t1.act("delete d, set y, and in " + g + " delete d and set s", t -> {
            t.delete("d");
            t.set("y", 1);
            t.call(g, callee -> {
                callee.delete("d");
                callee.set("s", 1);
                return null;
            });
        });
        commit(env.open(), f, kv -> kv.set("x", 1));
        env.history().add("T2 set x=1 and committed");
        assertFalse(t1.commit(), "T1 committed although T2 changed x, which it read; history: "
                + env.history());
        KvReader rf = env.store().reader(f);
        KvReader rg = env.store().reader(g);
        assertEquals(Arrays.asList("kept", false, "kept", false),
                Arrays.asList(rf.get("d"), rf.has("y"), rg.get("d"), rg.has("s")),
                "d and y of " + f + ", d and s of " + g + " after T1's commit conflicted: none of "
                        + "its sets and deletes may be applied; history: " + env.history());
    }

    @Clause("KV-7.10")
    void kv7_10_aTransactionThatSawPartOfACommitDoesNotCommit(Env env) {
        // T1 reads before T2's commit a key that the commit deletes, one that it creates, or a
        // first page of keys it sets, and reads after it a key it set: T1 saw part of the commit
        for (String before : List.of("k/e", "k/f", "a page")) {
            String f = env.fn("torn");
            commit(env.store(), f, kv -> {
                for (String k : List.of("k/a", "k/b", "k/c", "k/d", "k/e")) {
                    kv.set(k, 0);
                }
            });
            Session t1 = env.session("T1", env.store(), f);
            List<Object> seen = new java.util.ArrayList<>();
            KvPage first = null;
            if (before.equals("a page")) {
                first = t1.step("list k/ by 2", t -> t.list("k/", null, 2));
                if (first != null) {
                    first.entries().forEach(e -> seen.add(e.value()));
                }
            } else {
                Boolean found = t1.has(before);
                seen.add(found == null ? "conflict" : found ? 0L : "missing");
            }
            commit(env.open(), f, kv -> {
                for (String k : List.of("k/a", "k/b", "k/c", "k/d", "k/f")) {
                    kv.set(k, 1);
                }
                kv.delete("k/e");
            });
            env.history().add("T2 set k/a to k/d and k/f to 1, deleted k/e and committed");
            if (first != null) {
                String cursor = first.cursor();
                KvPage rest = t1.step("list the rest of k/", t -> t.list("k/", cursor, 2));
                if (rest != null) {
                    rest.entries().forEach(e -> seen.add(e.value()));
                }
            } else if (!before.equals("a page")) {
                seen.add(t1.get("k/d"));
            }
            if (!t1.conflicted()) {
                t1.set("seen", seen.toString());
            }
            boolean committed = t1.commit();
            boolean torn = before.equals("k/f") ? seen.contains("missing") && seen.contains(1L)
                    : seen.contains(0L) && seen.contains(1L);
            assertFalse(committed && torn, "T1 committed after it read " + seen + " ("
                    + (before.equals("a page") ? "a page of k/ before T2's commit, the next after"
                    : before + " before T2's commit, k/d after") + "): part of T2's commit and not "
                    + "the rest; history: " + env.history());
        }
    }

    @Clause("KV-7.10")
    void kv7_10_eachReadAfterACommitSeesAllOfIt(Env env) {
        String f = env.fn("atomic-after");
        int keys = 999;
        KvStore writer = env.open();
        for (int g = 0; g <= 3; g++) {
            int gen = g;
            commit(writer, f, kv -> writeGeneration(kv, gen, keys));
            for (KvStore store : new KvStore[] {env.store(), writer}) {
                String why = consistent(store.reader(f).list("k/", null, 1000), keys);
                assertNull(why, "a reader's listing after generation " + g + " committed: " + why);
                assertTrue(why == null && Long.valueOf(gen).equals(
                        store.reader(f).list("k/", null, 1).entries().get(0).value()),
                        "a reader's listing after generation " + g + " shows generation " + g);
                List<Object> seen = store.run(f, kv -> Arrays.asList(kv.get(key(0)),
                        kv.get(key(keys - 1)), kv.has("k/extra")));
                assertEquals(Arrays.asList((long) gen, (long) gen, gen % 2 == 0), seen,
                        "first key, last key and whether k/extra exists, read in a request after "
                                + "generation " + g + " committed");
            }
        }
    }

    @Clause("KV-7.10")
    void kv7_10_commitsAreAtomicToConcurrentReadersAndListings(Env env) {
        String f = env.fn("atomic");
        int keys = 999; // plus k/extra: 1,000 writes per commit, one page of 1,000 when listed
        int generations = 5;
        KvStore writerStore = env.open();
        commit(writerStore, f, kv -> writeGeneration(kv, 0, keys));
        AtomicBoolean done = new AtomicBoolean();
        KvStore[] stores = {env.store(), env.open()};
        Workload.run(env, "reads during 1,000-key commits", (thread, random, history) -> {
            if (thread == 0) {
                try {
                    for (int g = 1; g <= generations; g++) {
                        int gen = g;
                        commit(writerStore, f, kv -> writeGeneration(kv, gen, keys));
                        history.add("writer committed generation " + g);
                    }
                } finally {
                    done.set(true);
                }
                return;
            }
            KvStore store = stores[thread % 2];
            for (int n = 0; n < 10_000 && !done.get(); n++) {
                String why;
                if (random.nextBoolean()) {
                    why = consistent(store.reader(f).list("k/", null, 1000), keys);
                    if (why != null) {
                        throw Workload.failure("a reader's listing saw part of a commit: " + why,
                                env, null);
                    }
                } else {
                    int[] probe = {random.nextInt(keys), random.nextInt(keys)};
                    try {
                        List<Object> seen = store.run(f, kv -> Arrays.asList(
                                kv.get(key(probe[0])), kv.get(key(probe[1])), kv.has("k/extra"),
                                kv.get("k/extra")));
                        Object g = seen.get(0);
                        boolean even = ((Long) g) % 2 == 0;
                        if (!g.equals(seen.get(1)) || even != (Boolean) seen.get(2)
                                || even && !g.equals(seen.get(3))) {
                            throw Workload.failure("a committed transaction saw part of a commit: "
                                    + seen, env, null);
                        }
                    } catch (KvConflictException e) {
                        history.add("reader T" + thread + " gave up after retries");
                    }
                }
            }
        });
    }

    @Clause("KV-7.10")
    void kv7_10_aCommitAcrossFunctionsThatConflictsInAnyOfThemAppliesNothing(Env env) {
        // a backend that checks and applies a commit function by function, in name order or the
        // reverse, applies the functions before the one that conflicts: the read that no longer
        // holds is put in the first function by name and in the last, and the caller is each
        String base = env.fn("atomic-functions");
        String first = base + "/a";
        String last = base + "/z";
        for (String[] c : new String[][] {{first, last, last}, {first, last, first},
                {last, first, first}, {last, first, last}}) {
            String caller = c[0];
            String callee = c[1];
            String stale = c[2];
            String what = "a commit of " + show(caller) + " calling " + show(callee) + " that read "
                    + "x of " + show(stale) + ", which changed before it committed";
            commit(env.store(), caller, kv -> {
                kv.set("x", 0);
                kv.set("w", "before");
                kv.call(callee, g -> {
                    g.set("x", 0);
                    g.set("w", "before");
                    return null;
                });
            });
            Session t = env.session("T", env.store(), caller);
            t.act("read x of " + stale + ", set w in both functions", tx -> {
                if (stale.equals(caller)) {
                    tx.get("x");
                }
                tx.set("w", "T");
                tx.call(callee, g -> {
                    if (stale.equals(callee)) {
                        g.get("x");
                    }
                    g.set("w", "T");
                    return null;
                });
            });
            commit(env.open(), stale, kv -> kv.set("x", 1));
            assertFalse(t.commit(), what + " committed; history: " + env.history());
            assertEquals(List.of("before", "before"), Arrays.asList(
                    env.store().reader(caller).get("w"), env.store().reader(callee).get("w")),
                    "w of " + show(caller) + " and of " + show(callee) + " after " + what
                            + " conflicted: none of its writes may be applied");
        }
    }

    @Clause("KV-7.10")
    void kv7_10_aLargeCommitThatConflictsOnOneKeyAppliesNoneOfItsWrites(Env env) {
        // a backend that applies a large commit in batches, each with the checks of its own
        // keys, applies the batches before the one that conflicts: the read that no longer holds
        // is of the first key and of the last
        int n = 2500;
        for (int stale : new int[] {n - 1, 0}) {
            String f = env.fn("atomic-large");
            String staleKey = key4(stale);
            commit(env.store(), f, kv -> {
                for (int i = 0; i < n; i++) {
                    kv.set(key4(i), 0);
                }
            });
            Session t = env.session("T", env.store(), f);
            t.get(staleKey);
            t.act("set all " + n + " keys to 1", tx -> {
                for (int i = 0; i < n; i++) {
                    tx.set(key4(i), 1);
                }
            });
            commit(env.open(), f, kv -> kv.set(staleKey, 2));
            assertFalse(t.commit(), "a commit of " + n + " writes that read " + staleKey
                    + ", which changed before it committed, committed");
            // read key by key, not listed, so that only the commit's atomicity decides
            long applied = env.store().run(f, kv -> {
                long ones = 0;
                for (int i = 0; i < n; i++) {
                    ones += Long.valueOf(1).equals(kv.get(key4(i))) ? 1 : 0;
                }
                return ones;
            });
            assertEquals(0L, applied, "keys set to 1 by a commit of " + n + " writes that "
                    + "conflicted on " + staleKey + ": none of its writes may be applied");
        }
    }

    @Clause("KV-7.10")
    void kv7_10_aCommitAcrossFunctionsIsSeenWhollyByConcurrentRequests(Env env) {
        // a backend that checks a commit once and then applies it function by function shows
        // one function's writes without the other's between two of its own commits; requests
        // that read both functions keep asking while the writer commits, and the first that
        // sees two generations fails the test. A third thread commits large batches elsewhere:
        // the contention it makes lengthens the time between the parts of a split commit, so
        // that a split is seen within a few hundred commits (docs/TCK.md gives the odds)
        String base = env.fn("atomic-seen");
        String first = base + "/a";
        String last = base + "/z";
        String ballast = base + "/m";
        int commits = 2000;
        commit(env.store(), first, kv -> writeBoth(kv, last, 0));
        // every store is opened before the threads start, so that all of them run from the first
        // commit on: opening one can take longer than the whole workload
        KvStore[] stores = {env.open(), env.store(), env.open(), env.open()};
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger reads = new AtomicInteger();
        Workload.run(env, "requests reading two functions while commits write both", 4,
                (thread, random, history) -> {
                    KvStore store = stores[thread];
                    if (thread == 3) {
                        for (int n = 0; !done.get(); n++) {
                            int gen = n;
                            commit(store, ballast, kv -> {
                                for (int i = 0; i < 200; i++) {
                                    kv.set("b" + i, gen);
                                }
                            });
                        }
                        return;
                    }
                    if (thread == 0) {
                        try {
                            // the readers start first, so that every commit has them around
                            while (reads.get() < 2) {
                                Thread.sleep(1);
                            }
                            for (int g = 1; g <= commits; g++) {
                                int gen = g;
                                // the caller alternates, so writes come in both orders of names
                                commit(store, gen % 2 == 0 ? first : last,
                                        kv -> writeBoth(kv, gen % 2 == 0 ? last : first, gen));
                            }
                        } finally {
                            done.set(true);
                        }
                        return;
                    }
                    while (!done.get()) {
                        List<Object> seen;
                        try {
                            seen = store.run(first, kv -> Arrays.asList(kv.get("k"),
                                    kv.call(last, g -> g.get("k"))));
                        } catch (KvConflictException gaveUp) {
                            // a commit landed between the two reads of every attempt within
                            // retry-timeout-ms, as it may on a busy machine: that saw nothing,
                            // and this clause is about what a request sees
                            continue;
                        }
                        reads.incrementAndGet();
                        if (!Objects.equals(seen.get(0), seen.get(1))) {
                            throw Workload.failure("a request saw part of a commit: k of "
                                    + first + " and of " + last + " = " + seen, env, null);
                        }
                    }
                });
    }

    private static void writeBoth(io.kv4j.Kv kv, String other, int gen) {
        kv.set("k", gen);
        kv.call(other, g -> {
            g.set("k", gen);
            return null;
        });
    }

    private static String key4(int i) {
        return String.format("k%04d", i);
    }

    private static String show(String name) {
        return Checks.show(name);
    }

    @Clause("KV-7.11")
    void kv7_11_aCommitIsSeenByTransactionsThatBeginAfterItThroughTheSameStore(Env env) {
        seenAfterCommit(env, env.store(), env.store());
    }

    @Clause("KV-7.11")
    void kv7_11_aCommitIsSeenByTransactionsThatBeginAfterItThroughAnotherStore(Env env) {
        Assumptions.assumeTrue(env.storesShareStorage(), "untested: the backend declares "
                + "PRIVATE_TO_STORE, so no second store shares the storage");
        KvStore b = env.open();
        seenAfterCommit(env, env.store(), b);
        seenAfterCommit(env, b, env.store());
    }

    private static void seenAfterCommit(Env env, KvStore a, KvStore b) {
        String f = env.fn("visible");
        int v = 0;
        for (KvStore[] pair : new KvStore[][] {{a, a}, {a, b}}) {
            int value = ++v;
            commit(pair[0], f, kv -> kv.set("k", value));
            Object inRun = pair[1].run(f, kv -> kv.get("k"));
            Object inBegin;
            try (KvTransaction tx = pair[1].begin(f)) {
                inBegin = tx.get("k");
                tx.commit();
            }
            Object inReader = pair[1].reader(f).get("k");
            String how = pair[0] == pair[1] ? "the same store" : "another store";
            assertEquals(Arrays.asList((long) value, (long) value, (long) value),
                    Arrays.asList(inRun, inBegin, inReader),
                    "run, begin and reader after a commit through " + how);
        }
    }

    @Clause("KV-7.11")
    void kv7_11_aCommitInAnotherProcessIsSeen(Env env) {
        Skip.doesNotApplyUnless(env.store().info().capabilities().contains(
                Capability.SHARED_ACROSS_PROCESSES), "the backend does not declare "
                + "SHARED_ACROSS_PROCESSES, so no other process shares its storage");
        String f = env.fn("other-process");
        ChildJvm.Result result = ChildJvm.run(env, "set", env.url(), f, "k", "from the child");
        assertEquals(0, result.exitCode(), "the child process failed: " + result.output());
        assertEquals("from the child", env.store().reader(f).get("k"),
                "a commit of another process, read afterwards");
        commit(env.store(), f, kv -> kv.set("k2", "from the kit"));
        ChildJvm.Result read = ChildJvm.run(env, "get", env.url(), f, "k2");
        assertEquals(0, read.exitCode(), "the child process failed: " + read.output());
        assertTrue(read.output().contains("\"from the kit\""),
                "the child read the kit's commit: " + read.output());
    }

    @Clause("KV-7.12")
    void kv7_12_noCallWaitsForAnOpenTransaction(Env env) {
        KvStore store = env.store();
        String f = env.fn("no-wait");
        String g = env.fn("callee");
        commit(store, f, kv -> {
            kv.set("x", 0);
            kv.set("p/a", 1);
        });
        Session t1 = env.session("T1", store, f);
        t1.get("x");
        t1.set("x", 1);
        t1.set("p/b", 1);
        t1.list("p/");
        KvStore other = env.open();
        boolean committed = env.elsewhere("T2 working on the keys open T1 touched", () -> {
            try (KvTransaction t2 = other.begin(f)) {
                t2.get("x");
                t2.has("x");
                t2.list("p/");
                t2.set("x", 2);
                t2.delete("p/a");
                t2.call(g, kv -> {
                    kv.set("k", 1);
                    return null;
                });
                t2.commit();
                return true;
            }
        });
        assertTrue(committed, "T2 committed");
        env.elsewhere("a reader while T1 is open", () -> store.reader(f).list("p/"));
        t1.rollback();
        boolean alone = env.elsewhere("T3 alone", () -> {
            try (KvTransaction t3 = other.begin(f)) {
                t3.get("x");
                t3.list("p/");
                t3.set("x", 3);
                t3.commit();
                return true;
            }
        });
        assertTrue(alone, "a transaction with no concurrent transactions commits");
        assertEquals(3L, store.reader(f).get("x"), "x after T3");
    }

    private static void writeGeneration(io.kv4j.Kv kv, int g, int keys) {
        for (int i = 0; i < keys; i++) {
            kv.set(key(i), g);
        }
        if (g % 2 == 0) {
            kv.set("k/extra", g);
        } else {
            kv.delete("k/extra");
        }
    }

    @Clause("KV-7.13")
    void kv7_13_aRequestThatKeepsMeetingConflictsRunsUntilItCommits(Env env) {
        String f = env.fn("conflicted");
        KvStore store = env.openWithDefaults();
        KvStore other = env.storesShareStorage() ? env.openWithDefaults() : store;
        commit(store, f, kv -> kv.set("x", 0));
        int conflicts = 5;
        int bound = conflicts + 20;
        AtomicInteger attempts = new AtomicInteger();
        int result = env.elsewhere("a request that meets " + conflicts + " conflicts", () ->
                store.run(f, kv -> {
                    int n = attempts.incrementAndGet();
                    if (n > bound) {
                        // not a conflict, so run() stops at once (KV-5.7) instead of after 30 s
                        throw new AssertionError("attempt " + n + " of a request whose reads "
                                + "others stopped changing after attempt " + conflicts
                                + " still conflicts");
                    }
                    int x = kv.get("x", Integer.class);
                    if (n <= conflicts) {
                        other.run(f, writer -> {
                            writer.set("x", writer.get("x", Integer.class) + 10);
                            return null;
                        });
                    }
                    kv.set("x", x + 1);
                    return x + 1;
                }));
        assertEquals(conflicts + 1, attempts.get(), "attempts of a request whose first "
                + conflicts + " attempts met a conflict, with default options");
        assertEquals(conflicts * 10 + 1, result, "what the last attempt wrote");
        assertEquals(conflicts * 10 + 1L, store.reader(f).get("x"),
                "x after the " + conflicts + " other writes and the request");
    }

    @Clause("KV-7.13")
    void kv7_13_runCompletesOnAHotKeyWithDefaultOptions(Env env) {
        String f = env.fn("hot-counter");
        KvStore first = env.openWithDefaults();
        KvStore[] stores = {first, env.storesShareStorage() ? env.openWithDefaults() : first};
        commit(stores[0], f, kv -> kv.set("count", 0));
        int requests = env.settings().workloadRequests();
        AtomicLong done = new AtomicLong();
        Workload.run(env, "increments of one key", CONTENDERS, done, (thread, random, history) -> {
            for (int n = 0; n < requests; n++) {
                try {
                    stores[(thread + n) % 2].run(f, kv -> {
                        kv.set("count", kv.get("count", Integer.class) + 1);
                        return null;
                    });
                    done.incrementAndGet();
                } catch (KvConflictException e) {
                    throw Workload.failure("increment " + (n + 1) + " of thread " + thread
                            + " gave up with default options: " + e.getMessage(), env, e);
                }
            }
        });
        assertEquals((long) CONTENDERS * requests, stores[1].reader(f).get("count"),
                "the counter after " + CONTENDERS + " threads x " + requests + " increments");
    }

    @Clause("KV-7.13")
    void kv7_13_runCompletesTransfersAmongTenAccountsWithDefaultOptions(Env env) {
        String f = env.fn("hot-bank");
        KvStore first = env.openWithDefaults();
        KvStore[] stores = {first, env.storesShareStorage() ? env.openWithDefaults() : first};
        int accounts = 10;
        commit(stores[0], f, kv -> {
            for (int i = 0; i < accounts; i++) {
                kv.set("acct/" + i, BALANCE);
            }
        });
        int requests = env.settings().workloadRequests();
        AtomicLong done = new AtomicLong();
        Workload.run(env, "transfers among " + accounts + " accounts", CONTENDERS, done,
                (thread, random, history) -> {
                    for (int n = 0; n < requests; n++) {
                        int from = random.nextInt(accounts);
                        int to = (from + 1 + random.nextInt(accounts - 1)) % accounts;
                        try {
                            stores[(thread + n) % 2].run(f, kv -> {
                                int a = kv.get("acct/" + from, Integer.class);
                                int b = kv.get("acct/" + to, Integer.class);
                                kv.set("acct/" + from, a - 1);
                                kv.set("acct/" + to, b + 1);
                                return null;
                            });
                            done.incrementAndGet();
                        } catch (KvConflictException e) {
                            throw Workload.failure("transfer " + (n + 1) + " of thread " + thread
                                    + " gave up with default options: " + e.getMessage(), env, e);
                        }
                    }
                });
        int total = 0;
        for (int i = 0; i < accounts; i++) {
            total += stores[1].reader(f).get("acct/" + i, Integer.class);
        }
        assertEquals(accounts * BALANCE, total, "the accounts' total after the transfers");
    }

    private static String key(int i) {
        return String.format("k/%04d", i);
    }

    /** Why a listing of all {@code keys} is not one generation, or null when it is. */
    private static String consistent(KvPage page, int keys) {
        List<KvEntry> entries = page.entries();
        if (entries.isEmpty()) {
            return "an empty page";
        }
        Object g = entries.get(0).value();
        boolean even = ((Long) g) % 2 == 0;
        int expected = keys + (even ? 1 : 0);
        if (entries.size() != Math.min(expected, 1000)) {
            return "generation " + g + " listed " + entries.size() + " entries, not " + expected;
        }
        for (KvEntry e : entries) {
            if (!g.equals(e.value())) {
                return e.key() + "=" + e.value() + " next to generation " + g;
            }
        }
        return null;
    }

    private static int sum(KvPage page) {
        int s = 0;
        for (KvEntry e : page.entries()) {
            s += e.value(Integer.class);
        }
        return s;
    }
}
