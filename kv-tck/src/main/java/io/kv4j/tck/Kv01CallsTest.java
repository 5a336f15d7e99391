package io.kv4j.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.KvEntry;
import io.kv4j.KvPage;
import io.kv4j.KvRange;
import io.kv4j.KvStore;
import io.kv4j.KvTransaction;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** KV-1 The four calls. */
@Chapter(1)
final class Kv01CallsTest {

    @Clause("KV-1.1")
    void kv1_1_laterSetInARequestOverwritesAnEarlierOne(Env env) {
        String f = env.fn("overwrite");
        Object seen = env.store().run(f, kv -> {
            kv.set("k", "first");
            kv.set("k", "second");
            return kv.get("k");
        });
        assertEquals("second", seen, "get after two sets in one request");
        assertEquals("second", env.store().reader(f).get("k"), "committed value");
    }

    @Clause("KV-1.1")
    void kv1_1_setOfTheRequestThatCommittedLastWins(Env env) {
        KvStore store = env.store();
        String f = env.fn("overwrite");
        for (int i = 1; i <= 3; i++) {
            int v = i;
            store.run(f, kv -> {
                kv.set("k", v);
                return null;
            });
        }
        Object later = store.run(f, kv -> kv.get("k"));
        assertEquals(3L, later, "get in a later request");
        assertEquals(3L, store.reader(f).get("k"), "reader after three committed sets");
    }

    @Clause("KV-1.2")
    void kv1_2_getOfMissingKeyReturnsNull(Env env) {
        String f = env.fn("missing");
        assertNull(env.store().run(f, kv -> kv.get("never-set")), "get in a request");
        assertNull(env.store().reader(f).get("never-set"), "get through a reader");
        assertNull(env.store().reader(f).get("never-set", Long.class), "typed get");
    }

    @Clause("KV-1.2")
    void kv1_2_getOfDeletedKeyReturnsNull(Env env) {
        KvStore store = env.store();
        String f = env.fn("deleted");
        store.run(f, kv -> {
            kv.set("k", 1);
            return null;
        });
        store.run(f, kv -> {
            kv.delete("k");
            return null;
        });
        assertNull(store.run(f, kv -> kv.get("k")), "get after a committed delete");
        assertNull(store.reader(f).get("k"), "reader after a committed delete");
    }

    @Clause("KV-1.3")
    void kv1_3_deleteOfMissingKeyIsANoOp(Env env) {
        KvStore store = env.store();
        String f = env.fn("noop");
        store.run(f, kv -> {
            kv.set("other", "kept");
            return null;
        });
        store.run(f, kv -> {
            kv.delete("absent");
            kv.delete("absent");
            kv.set("written", true);
            return null;
        });
        assertFalse(store.reader(f).has("absent"), "deleted missing key");
        assertEquals("kept", store.reader(f).get("other"), "an unrelated entry");
        assertEquals(true, store.reader(f).get("written"), "a write after the no-op delete");
        assertEquals(List.of("other", "written"), store.reader(f).list("").keys(),
                "the function's keys");
    }

    @Clause("KV-1.3")
    void kv1_3_deleteIsSeenLaterInTheRequestAndAfterCommit(Env env) {
        KvStore store = env.store();
        String f = env.fn("delete");
        store.run(f, kv -> {
            kv.set("k", "v");
            return null;
        });
        List<Object> inside = store.run(f, kv -> {
            kv.delete("k");
            return Arrays.asList(kv.get("k"), kv.has("k"));
        });
        assertEquals(Arrays.asList(null, false), inside, "get and has after delete, same request");
        assertNull(store.reader(f).get("k"), "get after the delete committed");
        assertFalse(store.reader(f).has("k"), "has after the delete committed");
    }

    @Clause("KV-1.4")
    void kv1_4_hasIsTrueExactlyWhenAnEntryExists(Env env) {
        KvStore store = env.store();
        String f = env.fn("has");
        assertFalse(store.reader(f).has("zero"), "has before any set");
        store.run(f, kv -> {
            kv.set("zero", 0);
            kv.set("false", false);
            kv.set("empty", "");
            kv.set("list", List.of());
            return null;
        });
        for (String k : List.of("zero", "false", "empty", "list")) {
            assertTrue(store.reader(f).has(k), "has of key '" + k + "' holding a falsy value");
            String key = k;
            boolean inRequest = store.run(f, kv -> kv.has(key));
            assertTrue(inRequest, "has in a request, key '" + k + "'");
        }
        assertFalse(store.reader(f).has("other"), "has of a key never set");
        store.run(f, kv -> {
            kv.delete("zero");
            return null;
        });
        assertFalse(store.reader(f).has("zero"), "has after delete");
    }

    @Clause("KV-1.5")
    void kv1_5_setNullStoresJsonNull(Env env) {
        KvStore store = env.store();
        String f = env.fn("null");
        List<Object> inside = store.run(f, kv -> {
            kv.set("k", null);
            return Arrays.asList(kv.has("k"), kv.get("k"));
        });
        assertEquals(Arrays.asList(true, null), inside, "has and get after set(k, null)");
        assertTrue(store.reader(f).has("k"), "has after set(k, null) committed");
        assertNull(store.reader(f).get("k"), "get after set(k, null) committed");
        KvPage page = store.reader(f).list("");
        assertEquals(List.of("k"), page.keys(), "listing shows the JSON null entry");
        assertNull(page.entries().get(0).value(), "listed value of the JSON null entry");
    }

    @Clause("KV-1.6")
    void kv1_6_getManyAnswersEachKeyInTheOrderGiven(Env env) {
        KvStore store = env.store();
        String f = env.fn("get-many");
        Checks.commit(store, f, kv -> {
            kv.set("a", 1);
            kv.set("b", "two");
            kv.set("n", null);
        });
        assertEquals(Arrays.asList("b", null, "a", "b", "n"), keys(store.reader(f)
                .getMany("b", "missing", "a", "b", "n")), "keys given b, missing, a, b, n");
        List<KvEntry> read = store.reader(f).getMany(List.of("a", "b"));
        assertEquals(Arrays.asList(1L, "two"), Arrays.asList(read.get(0).value(),
                read.get(1).value()), "the values, as get returns them");
        List<Object> inRequest = store.run(f, kv -> {
            kv.set("c", 3);
            kv.delete("a");
            List<KvEntry> got = kv.getMany("a", "c", "b");
            return Arrays.asList(keys(got), got.get(1).value());
        });
        assertEquals(Arrays.asList(Arrays.asList(null, "c", "b"), 3L), inRequest,
                "in a request that deleted a and set c to 3");
        assertThrows(IllegalArgumentException.class, () -> store.reader(f).getMany(),
                "no keys");
        assertEquals(1000, store.reader(f).getMany(Collections.nCopies(1000, "a")).size(),
                "1,000 keys, the most a call takes");
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> store.reader(f).getMany(Collections.nCopies(1001, "a")), "1,001 keys");
        assertTrue(tooMany.getMessage().contains(f), "the message names the function: "
                + tooMany.getMessage());
        assertThrows(IllegalArgumentException.class, () -> store.reader(f).getMany("a", ""),
                "an empty key");
    }

    private static List<String> keys(List<KvEntry> entries) {
        return entries.stream().map(e -> e == null ? null : e.key()).toList();
    }

    @Clause("KV-1.7")
    void kv1_7_aRangeDeletionDeletesEveryKeyOfTheRangeWithTheRequest(Env env) {
        KvStore store = env.store();
        String f = env.fn("delete-range");
        Checks.commit(store, f, kv -> {
            for (String k : List.of("a", "b", "b/1", "b/2", "b0", "c")) {
                kv.set(k, k);
            }
        });
        List<Object> seen = store.run(f, kv -> {
            kv.set("b/3", "set before");
            kv.deletePrefix("b/");
            Object gone = kv.get("b/1");
            List<String> listed = kv.list("b/").keys();
            kv.set("b/2", "set after");
            kv.set("x", "with it");
            return Arrays.asList(gone, listed, kv.list("b").keys());
        });
        assertEquals(Arrays.asList(null, List.of(), List.of("b", "b/2", "b0")), seen,
                "get, list of b/ and list of b later in the request");
        assertEquals(List.of("a", "b", "b/2", "b0", "c", "x"), store.reader(f).list("").keys(),
                "after the commit: b/1 and b/3 deleted, b/2 set again");
        assertEquals("set after", store.reader(f).get("b/2"), "the set after the deletion");
        assertThrows(IllegalStateException.class, () -> Checks.commit(store, f, kv -> {
            kv.deleteRange(KvRange.all());
            throw new IllegalStateException("the request fails");
        }), "a request that fails");
        assertEquals(6, store.reader(f).list("").keys().size(), "nothing deleted by it");
        Checks.commit(store, f, kv -> kv.deleteRange(KvRange.between("b", "c")));
        assertEquals(List.of("a", "c", "x"), store.reader(f).list("").keys(),
                "after deleting from b to before c");
        assertThrows(IllegalArgumentException.class, () -> Checks.commit(store, f,
                kv -> kv.deleteRange(KvRange.prefix("a").limit(1))), "a range with a limit");
        assertThrows(IllegalArgumentException.class, () -> Checks.commit(store, f,
                kv -> kv.deleteRange(KvRange.between("", null))), "an empty start");
    }

    @Clause("KV-1.7")
    void kv1_7_aRangeDeletionDeletesAKeyInsertedConcurrently(Env env) {
        KvStore store = env.store();
        String f = env.fn("delete-range-insert");
        Checks.commit(store, f, kv -> {
            kv.set("p/1", 1);
            kv.set("q", 1);
        });
        try (KvTransaction tx = store.begin(f)) {
            tx.deletePrefix("p/");
            tx.set("r", 1);
            Checks.commit(store, f, kv -> kv.set("p/2", "inserted meanwhile"));
            tx.commit();
        }
        assertEquals(List.of("q", "r"), store.reader(f).list("").keys(),
                "the key inserted into the range before the deletion committed is deleted too");
    }
}
