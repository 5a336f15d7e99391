package io.kv4j.tck;

import static io.kv4j.tck.Checks.assertEqualsShown;
import static io.kv4j.tck.Checks.commit;
import static io.kv4j.tck.Checks.show;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.Kv;
import io.kv4j.KvConflictException;
import io.kv4j.KvReader;
import io.kv4j.KvStore;
import io.kv4j.KvTransaction;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** KV-4 Namespaces. */
@Chapter(4)
final class Kv04NamespacesTest {

    @Clause("KV-4.1")
    void kv4_1_aFunctionReadsOnlyItsOwnEntries(Env env) {
        KvStore store = env.store();
        String owner = env.fn("owner");
        String other = env.fn("other");
        commit(store, owner, kv -> {
            kv.set("k", "mine");
            kv.set("p/1", 1);
        });
        List<Object> seen = store.run(other, kv -> Arrays.asList(kv.get("k"), kv.has("k"),
                kv.list("").keys(), kv.list("p/").keys()));
        assertEquals(Arrays.asList(null, false, List.of(), List.of()), seen,
                "get, has and listing of another function's keys in a request");
        KvReader r = store.reader(other);
        assertNull(r.get("k"), "reader get of another function's key");
        assertFalse(r.has("k"), "reader has of another function's key");
        assertEquals(List.of(), r.list("").keys(), "reader listing of another function");
    }

    @Clause("KV-4.2")
    void kv4_2_theSameKeyInTwoFunctionsIsTwoEntries(Env env) {
        KvStore store = env.store();
        String base = env.fn("ns");
        // prefix of each other, with '/', differing in case, and in normalisation
        List<String[]> pairs = List.of(
                new String[] {base, base + "x"},
                new String[] {base + "/a", base + "/a/b"},
                new String[] {base + "Case", base + "case"},
                new String[] {base + "\u00E9", base + "e\u0301"});
        for (String[] pair : pairs) {
            String f = pair[0];
            String g = pair[1];
            commit(store, f, kv -> kv.set("k", "f"));
            commit(store, g, kv -> kv.set("k", "g"));
            assertEqualsShown("f", store.reader(f).get("k"), "key 'k' of " + show(f) + " after "
                    + show(g) + " set it");
            commit(store, g, kv -> kv.delete("k"));
            assertEqualsShown("f", store.reader(f).get("k"), "key 'k' of " + show(f) + " after "
                    + show(g) + " deleted it");
            assertFalse(store.reader(g).has("k"), "key 'k' of " + show(g) + " after its delete");
        }
        String a = base + "/p";
        String ab = base + "/p/b";
        commit(store, a, kv -> kv.set("b/c", "in a"));
        commit(store, ab, kv -> kv.set("c", "in a/b"));
        assertEquals("in a", store.reader(a).get("b/c"), "function a, key b/c");
        assertEquals("in a/b", store.reader(ab).get("c"), "function a/b, key c");
        assertEquals(List.of("b/c"), store.reader(a).list("").keys(), "keys of function a");
        assertEquals(List.of("c"), store.reader(ab).list("").keys(), "keys of function a/b");
    }

    @Clause("KV-4.2")
    void kv4_2_namesThatDifferOnlyInTrailingSpacesAreDistinct(Env env) {
        KvStore store = env.store();
        String base = env.fn("spaces");
        // every name of a run begins with the run's prefix, so the spaces come last
        List<String> names = List.of(base, base + " ", base + "  ", base + "\t");
        for (int i = 0; i < names.size(); i++) {
            int value = i;
            commit(store, names.get(i), kv -> kv.set("k", value));
        }
        for (int i = 0; i < names.size(); i++) {
            String f = names.get(i);
            assertEqualsShown((long) i, store.reader(f).get("k"), "key 'k' of function " + show(f));
            assertEqualsShown(List.of("k"), store.reader(f).list("").keys(),
                    "the keys of function " + show(f));
        }
        commit(store, base + " ", kv -> kv.delete("k"));
        assertEqualsShown(0L, store.reader(base).get("k"),
                "key 'k' of function " + show(base) + " after its namesake with a space deleted it");
        assertEqualsShown(2L, store.reader(base + "  ").get("k"),
                "key 'k' of function " + show(base + "  ") + " after " + show(base + " ")
                        + " deleted its own");
    }

    @Clause("KV-4.2")
    void kv4_2_aSeparatorInANameJoinsNoFunctionToAnotherOnesKeys(Env env) {
        KvStore store = env.store();
        int n = 0;
        // function f with key "b" SEP "c", and function f SEP "b" with key "c": a backend that
        // joins function and key with SEP into one key gives both the same entry
        for (String sep : List.of(":", "|", "#", ".", "\\", "\u001F", "\u0001", "=")) {
            String f = env.fn("sep" + n++);
            String g = f + sep + "b";
            String key = "b" + sep + "c";
            commit(store, f, kv -> kv.set(key, "f"));
            commit(store, g, kv -> kv.set("c", "g"));
            String what = "separator " + show(sep) + ": ";
            assertEqualsShown("f", store.reader(f).get(key), what + "key " + show(key) + " of "
                    + show(f));
            assertEqualsShown("g", store.reader(g).get("c"), what + "key 'c' of " + show(g));
            assertEqualsShown(List.of(key), store.reader(f).list("").keys(), what + "the keys of "
                    + show(f));
            assertEqualsShown(List.of("c"), store.reader(g).list("").keys(), what + "the keys of "
                    + show(g));
            commit(store, g, kv -> kv.delete("c"));
            assertEqualsShown("f", store.reader(f).get(key), what + "key " + show(key) + " of "
                    + show(f) + " after " + show(g) + " deleted its key 'c'");
        }
    }

    @Clause("KV-4.3")
    void kv4_3_aReaderOffersNoWayToWrite(Env env) {
        Set<String> names = new TreeSet<>();
        for (Method m : KvReader.class.getMethods()) {
            names.add(m.getName());
        }
        assertEquals(Set.of("function", "get", "getEntry", "getMany", "has", "list"), names,
                "the methods KvReader declares: none writes or yields a writer");
        Object reader = env.store().reader(env.fn("reader"));
        assertFalse(reader instanceof Kv, "store.reader(f) must not be a Kv: " + reader.getClass());
        for (Method m : reader.getClass().getMethods()) {
            assertTrue(m.getDeclaringClass() == Object.class || !Set.of("set", "delete", "call",
                    "commit", "begin").contains(m.getName()),
                    "the reader's class offers a public " + m.getName() + "()");
        }
    }

    @Clause("KV-4.4")
    void kv4_4_functionsListsEachFunctionWithEntriesInUtf8Order(Env env) {
        KvStore store = env.store();
        String base = env.fn("fn");
        // UTF-8 order: U+FFFD before U+1F600, the other way round in UTF-16
        List<String> names = List.of(base + "/b", base + "/a", base + "/\uD83D\uDE00",
                base + "/\uFFFD");
        for (String f : names) {
            commit(store, f, kv -> {
                kv.set("k1", 1);
                kv.set("k2", 2);
            });
        }
        String emptied = base + "/emptied";
        commit(store, emptied, kv -> kv.set("k", 1));
        commit(store, emptied, kv -> kv.delete("k"));
        List<String> listed = new ArrayList<>();
        for (String f : store.functions()) {
            if (f.startsWith(base + "/")) {
                listed.add(f);
            }
        }
        assertEqualsShown(List.of(base + "/a", base + "/b", base + "/\uFFFD",
                base + "/\uD83D\uDE00"), listed,
                "this test's functions with entries, once each, in UTF-8 order");
    }

    @Clause("KV-4.4")
    void kv4_4_functionsAreListedOnceEachAcrossPages(Env env) {
        KvStore store = env.store();
        String base = env.fn("many");
        // more names than one page of the engine (1,000) or a backend's batch: a run of 1,050
        // names in a row spans a page boundary wherever the other functions put it
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 1050; i++) {
            names.add(base + "/" + String.format("%04d", i));
        }
        commit(store, names.get(0), kv -> {
            for (String f : names) {
                kv.call(f, callee -> {
                    callee.set("k", 1);
                    return null;
                });
            }
        });
        assertEqualsShown(names, ours(store, base), "this test's 1,050 functions, once each, in "
                + "order: a name repeated or lost where one page of names ends and the next "
                + "begins");
    }

    @Clause("KV-4.4")
    void kv4_4_namesThatDifferOnlyInCaseFormOrTrailingSpacesAreListedEach(Env env) {
        KvStore store = env.store();
        String base = env.fn("alike");
        List<String> names = new ArrayList<>(List.of(base + "/Name", base + "/NAME",
                base + "/name", base + "/\u00E9", base + "/e\u0301", base + "/s", base + "/s ",
                base + "/s  ", base + "/s\t"));
        for (String f : names) {
            commit(store, f, kv -> kv.set("k", 1));
        }
        names.sort(Checks.UTF8_ORDER);
        assertEqualsShown(names, ours(store, base), "functions whose names differ only in case, "
                + "in normalisation or in trailing spaces are distinct, and each is listed");
    }

    @Clause("KV-4.4")
    void kv4_4_aFunctionEmptiedByDeleteAllIsNotListed(Env env) {
        KvStore store = env.store();
        String base = env.fn("emptied-all");
        String f = base + "/f";
        String kept = base + "/kept";
        commit(store, f, kv -> {
            kv.set("a", 1);
            kv.set("b", 2);
        });
        commit(store, kept, kv -> kv.set("a", 1));
        store.deleteAll(f);
        assertEqualsShown(List.of(kept), ours(store, base), "the functions after deleteAll of "
                + show(f) + ": a function whose entries were all deleted is not listed");
        commit(store, f, kv -> kv.set("c", 3));
        assertEqualsShown(List.of(f, kept), ours(store, base), "the functions after "
                + show(f) + " got an entry again");
    }

    /** The functions that {@code store.functions()} lists under a test's base name. */
    private static List<String> ours(KvStore store, String base) {
        return store.functions().stream().filter(f -> f.startsWith(base + "/")).toList();
    }

    @Clause("KV-4.5")
    void kv4_5_deleteAllDeletesOneFunctionsEntriesAsOneCommit(Env env) {
        KvStore store = env.store();
        String f = env.fn("doomed");
        String g = env.fn("bystander");
        commit(store, f, kv -> {
            for (int i = 0; i < 30; i++) {
                kv.set("k" + i, i);
            }
        });
        commit(store, g, kv -> kv.set("k0", "kept"));
        KvTransaction reader = store.begin(f);
        reader.get("k7");
        assertEquals(30L, store.deleteAll(f), "the entries deleted");
        reader.set("k7", "written after the deletion");
        assertThrows(KvConflictException.class, reader::commit,
                "a transaction that read an entry before deleteAll and commits after it");
        assertEquals(List.of(), store.reader(f).list("").keys(), "what is left of the function");
        assertNull(store.reader(f).get("k7"), "an entry read before deleteAll, read again");
        assertFalse(store.reader(f).has("k7"), "an entry read before deleteAll, asked about");
        assertEquals("kept", store.reader(g).get("k0"), "another function's entry");
        assertEquals(0L, store.deleteAll(f), "deleting the entries of an empty function");
    }

    @Clause("KV-4.5")
    void kv4_5_deleteAllSparesFunctionsWhoseNamesBeginWithTheName(Env env) {
        KvStore store = env.store();
        String f = env.fn("parent");
        List<String> others = List.of(f + "x", f + "/child", f + ":child", f + " ", f + "%");
        commit(store, f, kv -> kv.set("k", "doomed"));
        for (String g : others) {
            commit(store, g, kv -> kv.set("k", "kept"));
        }
        assertEquals(1L, store.deleteAll(f), "the entries deleted");
        assertFalse(store.reader(f).has("k"), "the function's own entry");
        for (String g : others) {
            assertEqualsShown("kept", store.reader(g).get("k"), "the entry of function " + show(g)
                    + ", whose name begins with the deleted function's");
        }
    }

    @Clause("KV-4.5")
    void kv4_5_deleteAllDeletesMoreEntriesThanABatch(Env env) {
        KvStore store = env.store();
        String f = env.fn("large");
        int n = 2500;
        commit(store, f, kv -> {
            for (int i = 0; i < n; i++) {
                kv.set(String.format("k%04d", i), i);
            }
        });
        assertEquals((long) n, store.deleteAll(f), "the entries deleteAll reports deleted");
        assertEquals(List.of(), store.reader(f).list("", null, 1000).keys(),
                "what is left of a function of " + n + " entries after deleteAll");
    }

    @Clause("KV-4.5")
    void kv4_5_concurrentRequestsSeeAllOrNoneOfADeleteAll(Env env) {
        // a deleteAll done as several commits (one per batch) shows half done to a request that
        // reads the first, a middle and the last key between two of them; readers keep asking
        // through rounds of fill and deleteAll, and the first one to see a mixture fails the test.
        // Only requests that overlapped no fill are judged: a fill that shows in part breaks
        // KV-7.10, not this clause
        KvStore store = env.store();
        String f = env.fn("all-or-none");
        int n = 1200;
        int rounds = 10;
        List<String> probes = List.of("k0000", String.format("k%04d", n / 2),
                String.format("k%04d", n - 1));
        // opened before the threads start, so that every reader asks from the first round on
        KvStore other = env.open();
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger reads = new AtomicInteger();
        // odd while a fill commits
        AtomicInteger phase = new AtomicInteger();
        Workload.run(env, "requests during deleteAll", 3, (thread, random, history) -> {
            if (thread == 0) {
                try {
                    while (reads.get() < 2) {
                        Thread.sleep(1);
                    }
                    for (int r = 0; r < rounds; r++) {
                        phase.incrementAndGet();
                        commit(store, f, kv -> {
                            for (int i = 0; i < n; i++) {
                                kv.set(String.format("k%04d", i), i);
                            }
                        });
                        phase.incrementAndGet();
                        long deleted = store.deleteAll(f);
                        if (deleted != n) {
                            throw Workload.failure("deleteAll of " + n + " entries reported "
                                    + deleted, env, null);
                        }
                    }
                } finally {
                    done.set(true);
                }
                return;
            }
            KvStore reader = thread == 1 ? store : other;
            while (!done.get()) {
                int before = phase.get();
                List<Boolean> seen = reader.run(f, kv -> probes.stream().map(kv::has).toList());
                reads.incrementAndGet();
                if (before % 2 == 0 && phase.get() == before && new TreeSet<>(seen).size() > 1) {
                    throw Workload.failure("a request during deleteAll saw some of the "
                            + "function's entries deleted and others not: has " + probes + " = "
                            + seen, env, null);
                }
            }
        });
    }

    @Clause("KV-4.5")
    void kv4_5_deleteAllSparesFunctionsThatDifferOnlyInCaseOrForm(Env env) {
        KvStore store = env.store();
        String base = env.fn("case");
        String f = base + "/Name\u00E9";
        List<String> others = List.of(base + "/name\u00E9", base + "/NAME\u00C9",
                base + "/Namee\u0301", base + "/Name\u00E9 ");
        commit(store, f, kv -> kv.set("k", "doomed"));
        for (String g : others) {
            commit(store, g, kv -> kv.set("k", "kept"));
        }
        assertEquals(1L, store.deleteAll(f), "the entries deleted");
        for (String g : others) {
            assertEqualsShown("kept", store.reader(g).get("k"), "the entry of function " + show(g)
                    + ", whose name differs from the deleted " + show(f) + " only in case, form "
                    + "or a trailing space");
        }
    }

    @Clause("KV-4.5")
    void kv4_5_aKeySetAgainAfterDeleteAllStillConflictsWithAnOlderRead(Env env) {
        KvStore store = env.store();
        String f = env.fn("reborn");
        commit(store, f, kv -> kv.set("k", "first"));
        KvTransaction t = store.begin(f);
        assertEquals("first", t.get("k"), "the value read before deleteAll");
        store.deleteAll(f);
        commit(env.open(), f, kv -> kv.set("k", "again"));
        t.set("seen", t.get("k") + " was read");
        assertThrows(KvConflictException.class, t::commit, "a transaction that read k before "
                + "deleteAll, and commits after k was set again: k is not the entry it read");
        assertFalse(store.reader(f).has("seen"), "the write of the transaction that conflicted");
    }
}
