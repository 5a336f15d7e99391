package io.kv4j.tck;

import static io.kv4j.tck.Checks.assertNames;
import static io.kv4j.tck.Checks.commit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.KvEntry;
import io.kv4j.KvPage;
import io.kv4j.KvReader;
import io.kv4j.KvStore;
import io.kv4j.KvTransaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** KV-10 Listing. */
@Chapter(10)
final class Kv10ListingTest {

    @Clause("KV-10.1")
    void kv10_1_listReturnsTheEntriesWithThePrefixAndTheirValues(Env env) {
        KvStore store = env.store();
        String f = env.fn("prefix");
        commit(store, f, kv -> {
            for (String k : List.of("a", "a/", "a/x", "a%b", "axb", "a_c", "abc", "a\\d", "a*e",
                    "a.f", "b")) {
                kv.set(k, k);
            }
            kv.set("a/null", null);
        });
        KvReader r = store.reader(f);
        assertEquals(List.of("a%b"), r.list("a%").keys(), "prefix a% matches only itself");
        assertEquals(List.of("a_c"), r.list("a_").keys(), "prefix a_ matches only itself");
        assertEquals(List.of("a\\d"), r.list("a\\").keys(), "prefix a\\ matches only itself");
        assertEquals(List.of("a*e"), r.list("a*").keys(), "prefix a* matches only itself");
        assertEquals(List.of("a.f"), r.list("a.").keys(), "prefix a. matches only itself");
        assertEquals(List.of("a/", "a/null", "a/x"), r.list("a/").keys(), "prefix a/ does not match a");
        assertEquals(12, r.list("").keys().size(), "the empty prefix lists every key");
        Map<String, Object> values = new HashMap<>();
        for (KvEntry e : r.list("a/").entries()) {
            values.put(e.key(), e.value());
        }
        assertEquals("a/x", values.get("a/x"), "a listed value");
        assertTrue(values.containsKey("a/null") && values.get("a/null") == null, "JSON null listed");
    }

    @Clause("KV-10.1")
    void kv10_1_listOfAPrefixIsTheFirstPageOf100(Env env) {
        KvStore store = env.store();
        String f = env.fn("default-page");
        commit(store, f, kv -> {
            for (int i = 0; i < 150; i++) {
                kv.set(String.format("k%03d", i), i);
            }
        });
        KvPage page = store.reader(f).list("k");
        assertEquals(100, page.entries().size(), "list(prefix) returns 100 entries");
        assertEquals("k099", page.cursor(), "and a cursor after them");
        Object inRequest = store.run(f, kv -> kv.list("k").keys());
        assertEquals(page.keys(), inRequest, "list(prefix) in a request");
    }

    @Clause("KV-10.2")
    void kv10_2_badPrefixesCursorsAndLimitsAreRefused(Env env) {
        KvStore store = env.store();
        String f = env.fn("bad-list");
        Map<String, Runnable> bad = new LinkedHashMap<>();
        KvReader r = store.reader(f);
        bad.put("prefix of 2,049 bytes", () -> r.list("a".repeat(2049)));
        bad.put("prefix with a lone surrogate", () -> r.list("a\uD800"));
        bad.put("prefix with U+0000", () -> r.list("a\u0000"));
        bad.put("cursor that is empty", () -> r.list("", "", 10));
        bad.put("cursor of 2,049 bytes", () -> r.list("", "a".repeat(2049), 10));
        bad.put("cursor with a lone surrogate", () -> r.list("", "\uDC00", 10));
        bad.put("limit 0", () -> r.list("", null, 0));
        bad.put("limit 1001", () -> r.list("", null, 1001));
        bad.forEach((what, call) -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run, what);
            String argument = what.substring(0, what.indexOf(' '));
            assertNames(e, argument, what + ": the message names the argument");
            assertNames(e, f, what + ": the message names the function");
        });
        commit(store, f, kv -> {
            assertThrows(IllegalArgumentException.class, () -> kv.list("", null, 0), "limit 0");
            assertThrows(IllegalArgumentException.class, () -> kv.list("a\u0000"), "U+0000");
            kv.set("after", true);
        });
        assertEquals(true, r.get("after"), "the request went on and committed");
    }

    @Clause("KV-10.3")
    void kv10_3_listingIsInUtf8ByteOrder(Env env) {
        KvStore store = env.store();
        String f = env.fn("order");
        List<String> expected = List.of("\u0001", " ", "A", "a", "a/", "a/b", "a0", "aa", "b",
                "\u00E9", "\uE000", "\uFFFD", "\uD83D\uDE00");
        List<String> shuffled = new ArrayList<>(expected);
        java.util.Collections.reverse(shuffled);
        commit(store, f, kv -> {
            for (String k : shuffled) {
                kv.set(k, 1);
            }
        });
        assertEquals(escaped(expected), escaped(store.reader(f).list("").keys()),
                "committed keys in UTF-8 byte order");
        List<String> got;
        try (KvTransaction tx = store.begin(f)) {
            tx.set("\uD83D\uDE01", 1);
            tx.set("\uFFFE", 1);
            got = tx.list("", null, 1000).keys();
            tx.rollback();
        }
        List<String> withOwn = new ArrayList<>(expected);
        withOwn.add(withOwn.size() - 1, "\uFFFE");
        withOwn.add("\uD83D\uDE01");
        assertEquals(escaped(withOwn), escaped(got), "committed and own keys merged in order");
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            KvPage page = store.reader(f).list("", cursor, 2);
            paged.addAll(page.keys());
            cursor = page.cursor();
        } while (cursor != null);
        assertEquals(escaped(expected), escaped(paged), "pages of 2 in UTF-8 byte order");
    }

    @Clause("KV-10.4")
    void kv10_4_pagesAreFullAndTheCursorTellsWhetherMoreFollow(Env env) {
        KvStore store = env.store();
        String f = env.fn("pages");
        KvReader r = store.reader(f);
        KvPage empty = r.list("", null, 1000);
        assertEquals(List.of(), empty.keys(), "an empty listing");
        assertNull(empty.cursor(), "the cursor of an empty page");
        commit(store, f, kv -> {
            for (String k : List.of("k1", "k2", "k3", "k4", "k5")) {
                kv.set(k, 1);
            }
        });
        KvPage p1 = r.list("k", null, 2);
        assertEquals(List.of("k1", "k2"), p1.keys(), "page 1 of 2");
        assertEquals("k2", p1.cursor(), "cursor of page 1");
        KvPage p2 = r.list("k", p1.cursor(), 2);
        assertEquals(List.of("k3", "k4"), p2.keys(), "page 2 of 2");
        assertEquals("k4", p2.cursor(), "cursor of page 2");
        KvPage p3 = r.list("k", p2.cursor(), 2);
        assertEquals(List.of("k5"), p3.keys(), "the last, short page");
        assertNull(p3.cursor(), "no cursor after the last key");
        KvPage exact = r.list("k", null, 5);
        assertEquals(5, exact.keys().size(), "a page that ends exactly at the last key");
        assertNull(exact.cursor(), "no cursor when the page ends at the last key");
        KvPage exactLater = r.list("k", "k3", 2);
        assertEquals(List.of("k4", "k5"), exactLater.keys(), "a later page ending at the last key");
        assertNull(exactLater.cursor(), "no cursor for it either");
    }

    @Clause("KV-10.5")
    void kv10_5_aCursorContinuesStrictlyAfterAnyKey(Env env) {
        KvStore store = env.store();
        String f = env.fn("cursor");
        commit(store, f, kv -> {
            for (String k : List.of("p/a", "p/b", "p/c", "p/d")) {
                kv.set(k, 1);
            }
        });
        commit(store, f, kv -> kv.delete("p/b"));
        KvReader r = store.reader(f);
        assertEquals(List.of("p/c", "p/d"), r.list("p/", "p/b", 10).keys(), "after a deleted key");
        assertEquals(List.of("p/c", "p/d"), r.list("p/", "p/bb", 10).keys(), "after a key never set");
        assertEquals(List.of("p/a", "p/c", "p/d"), r.list("p/", "a", 10).keys(),
                "a cursor before the prefix");
        assertEquals(List.of(), r.list("p/", "q", 10).keys(), "a cursor after the prefix");
        assertEquals(List.of("p/d"), r.list("p/", "p/c", 10).keys(), "strictly after an existing key");
        List<String> all = new ArrayList<>();
        String cursor = null;
        do {
            KvPage page = r.list("p/", cursor, 1);
            all.addAll(page.keys());
            cursor = page.cursor();
        } while (cursor != null);
        assertEquals(List.of("p/a", "p/c", "p/d"), all, "following cursors yields each key once");
    }

    @Clause("KV-10.6")
    void kv10_6_pagingWhileOthersCommitNeverRepeatsOrSkips(Env env) {
        KvStore store = env.store();
        KvStore other = env.open();
        String f = env.fn("paging");
        Set<String> stable = new TreeSet<>(Checks.UTF8_ORDER);
        commit(store, f, kv -> {
            for (int i = 0; i < 30; i += 2) {
                String k = String.format("k%02d", i);
                kv.set(k, "v0");
                stable.add(k);
                if (i % 4 != 0) {
                    kv.set(k + "x", "doomed");
                }
            }
        });
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int round = 0;
        do {
            KvPage page = store.reader(f).list("k", cursor, 3);
            for (KvEntry e : page.entries()) {
                seen.add(e.key());
                if (stable.contains(e.key())) {
                    assertTrue(List.of("v0", "v1").contains(e.value()),
                            e.key() + " has a value it never held: " + e.value());
                }
            }
            cursor = page.cursor();
            int r = ++round;
            commit(other, f, kv -> {
                kv.set(String.format("k%02d", (r * 7) % 30 | 1), "new");
                kv.set(String.format("k%02d", (r * 11) % 30 & ~1), "v1");
                kv.delete(String.format("k%02dx", (r * 5) % 30 & ~1));
                kv.set("k", "before every cursor");
            });
        } while (cursor != null && round < 100);
        assertTrue(cursor == null, "paging ended");
        List<String> sorted = new ArrayList<>(seen);
        sorted.sort(Checks.UTF8_ORDER);
        assertEquals(sorted, seen, "keys ascend across pages");
        assertEquals(new TreeSet<>(seen).size(), seen.size(), "no key returned twice: " + seen);
        for (String k : stable) {
            assertTrue(seen.contains(k), "key " + k + " existed throughout but was skipped: " + seen);
        }
    }

    @Clause("KV-10.7")
    void kv10_7_aListingInARequestReflectsItsOwnWrites(Env env) {
        KvStore store = env.store();
        String f = env.fn("own-listing");
        commit(store, f, kv -> {
            kv.set("p/a", "old");
            kv.set("p/b", "old");
            kv.set("p/d", "old");
        });
        List<Object> result = store.run(f, kv -> {
            kv.set("p/a", "new");
            kv.delete("p/b");
            kv.set("p/c", "added");
            kv.call(f, self -> {
                self.set("p/e", "by a call");
                return null;
            });
            KvPage first = kv.list("p/", null, 2);
            kv.set("p/bb", "before the cursor");
            List<String> rest = new ArrayList<>();
            String cursor = first.cursor();
            while (cursor != null) {
                KvPage page = kv.list("p/", cursor, 2);
                rest.addAll(page.keys());
                cursor = page.cursor();
            }
            return List.of(first.keys(), first.entries().get(0).value(), rest);
        });
        assertEquals(List.of(List.of("p/a", "p/c"), "new", List.of("p/d", "p/e")), result,
                "first page, value of p/a, and the later pages");
        Object again = store.run(f, kv -> {
            KvPage first = kv.list("p/", null, 1);
            kv.set("p/b", "added after the cursor");
            return kv.list("p/", first.cursor(), 10).keys();
        });
        assertEquals(List.of("p/b", "p/bb", "p/c", "p/d", "p/e"), again,
                "a key added after the cursor appears on a later page");
    }

    private static List<String> escaped(List<String> keys) {
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            out.add(Kv03KeysTest.escape(k));
        }
        return out;
    }
}
