package io.kv4j.tck;

import static io.kv4j.tck.Checks.assertEqualsShown;
import static io.kv4j.tck.Checks.assertNames;
import static io.kv4j.tck.Checks.commit;
import static io.kv4j.tck.Checks.keysOfAll;
import static io.kv4j.tck.Checks.show;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.kv4j.KvEntry;
import io.kv4j.KvPage;
import io.kv4j.KvConflictException;
import io.kv4j.KvRange;
import io.kv4j.KvReader;
import io.kv4j.KvStore;
import io.kv4j.KvTransaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** KV-10 Listing. */
@Chapter(10)
final class Kv10ListingTest {

    private static final String EMOJI_KEY = "p/\uD83D\uDE00";

    /** Keys in UTF-8 byte order, which is not {@link String#compareTo} order. */
    private static final List<String> ORDER = List.of("\u0001", " ", "A", "a", "a/", "a/b", "a0",
            "aa", "b", "\u00E9", "\uE000", "\uFFFD", "\uD83D\uDE00");

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

    @Clause("KV-10.1")
    void kv10_1_aPrefixMatchesEveryKeyThatStartsWithItBeyondTheBmpToo(Env env) {
        KvStore store = env.store();
        String f = env.fn("prefix-beyond-bmp");
        // a bound built as prefix + U+FFFF leaves out U+FFFF itself and every character above it
        List<String> under = List.of("p/a", "p/\uFFFD", "p/\uFFFF", "p/\uFFFFz", EMOJI_KEY,
                "p/\uDBFF\uDFFF");
        commit(store, f, kv -> {
            for (String k : under) {
                kv.set(k, 1);
            }
            kv.set("p", 1);
            kv.set("p0", 1);
            kv.set("q\uD83D\uDE00", 1);
        });
        List<String> listed = new ArrayList<>(store.reader(f).list("p/", null, 1000).keys());
        listed.sort(Checks.UTF8_ORDER);
        assertEqualsShown(under, listed, "the keys with prefix 'p/', whatever their order");
        List<String> inRequest = new ArrayList<>(store.run(f, kv -> kv.list("p/\uFFFF", null, 10)
                .keys()));
        inRequest.sort(Checks.UTF8_ORDER);
        assertEqualsShown(List.of("p/\uFFFF", "p/\uFFFFz"), inRequest,
                "the keys with prefix 'p/\\uFFFF', listed in a request");
    }

    @Clause("KV-10.1")
    void kv10_1_aPrefixMatchesCaseSensitively(Env env) {
        KvStore store = env.store();
        String f = env.fn("prefix-case");
        commit(store, f, kv -> {
            for (String k : List.of("p/a", "P/b", "p/C", "P/", "pA", "\u00E9/1", "\u00C9/2",
                    "\u0130/3", "i/4")) {
                kv.set(k, 1);
            }
        });
        KvReader r = store.reader(f);
        assertEqualsShown(List.of("p/C", "p/a"), r.list("p/").keys(), "prefix 'p/'");
        assertEqualsShown(List.of("P/", "P/b"), r.list("P/").keys(), "prefix 'P/'");
        assertEqualsShown(List.of("\u00E9/1"), r.list("\u00E9").keys(), "prefix '\u00E9'");
        assertEqualsShown(List.of("i/4"), r.list("i").keys(), "prefix 'i'");
        assertEqualsShown(List.of("p/C", "p/a"), store.run(f, kv -> kv.list("p/").keys()),
                "prefix 'p/' in a request");
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
        List<String> expected = ORDER;
        List<String> shuffled = new ArrayList<>(expected);
        java.util.Collections.reverse(shuffled);
        commit(store, f, kv -> {
            for (String k : shuffled) {
                kv.set(k, 1);
            }
        });
        assertEqualsShown(expected, store.reader(f).list("").keys(),
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
        assertEqualsShown(withOwn, got, "committed and own keys merged in order");
        assertEqualsShown(expected, keysOfAll(store.reader(f)::list, "", 2, expected.size(),
                "pages of 2"), "pages of 2 in UTF-8 byte order");
    }

    @Clause("KV-10.3")
    void kv10_3_theKeysOfAPrefixAreInUtf8ByteOrderToo(Env env) {
        KvStore store = env.store();
        String f = env.fn("prefix-order");
        List<String> expected = new ArrayList<>();
        for (String k : ORDER) {
            expected.add("p/" + k);
        }
        List<String> shuffled = new ArrayList<>(expected);
        java.util.Collections.reverse(shuffled);
        commit(store, f, kv -> {
            for (String k : shuffled) {
                kv.set(k, 1);
            }
            kv.set("p", 1);
            kv.set("q", 1);
        });
        assertEqualsShown(expected, store.reader(f).list("p/").keys(),
                "the keys of prefix 'p/' in UTF-8 byte order");
        assertEqualsShown(expected, keysOfAll(store.reader(f)::list, "p/", 3, expected.size(),
                "pages of 3"), "pages of 3 of prefix 'p/' in UTF-8 byte order");
        List<String> inRequest = store.run(f, kv -> {
            kv.set("p/\uFFFE", 1);
            return kv.list("p/", null, 1000).keys();
        });
        List<String> withOwn = new ArrayList<>(expected);
        withOwn.add(withOwn.size() - 1, "p/\uFFFE");
        assertEqualsShown(withOwn, inRequest, "committed and own keys of prefix 'p/' in a request");
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

    @Clause("KV-10.4")
    void kv10_4_aPageOf1000IsFullAndHasACursorWhenMoreFollow(Env env) {
        KvStore store = env.store();
        String f = env.fn("page-of-1000");
        commit(store, f, kv -> {
            for (int i = 0; i < 1050; i++) {
                kv.set(String.format("k/%04d", i), i);
            }
        });
        for (KvReader r : List.of(store.reader(f))) {
            KvPage first = r.list("k/", null, 1000);
            assertEquals(1000, first.keys().size(), "a page of 1000 with 1,050 keys to list");
            assertEquals("k/0999", first.cursor(), "its cursor: 50 more keys follow");
            KvPage second = r.list("k/", first.cursor(), 1000);
            assertEquals(50, second.keys().size(), "the page after it");
            assertNull(second.cursor(), "no cursor after the last key");
        }
        List<Object> inRequest = store.run(f, kv -> {
            KvPage first = kv.list("k/", null, 1000);
            return Arrays.asList(first.keys().size(), first.cursor());
        });
        assertEquals(Arrays.asList(1000, "k/0999"), inRequest, "the page of 1000 in a request");
    }

    @Clause("KV-10.4")
    void kv10_4_aPageIsFullWhateverTheSizeOfItsValues(Env env) {
        KvStore store = env.store();
        String f = env.fn("page-bytes");
        String kilobyte = "v".repeat(1000);
        int keys = 200;
        commit(store, f, kv -> {
            for (int i = 0; i < keys; i++) {
                kv.set(String.format("k/%03d", i), kilobyte);
            }
        });
        KvPage all = store.reader(f).list("k/", null, 1000);
        assertEquals(keys, all.keys().size(), keys + " values of 1,000 bytes in a page of 1000");
        assertNull(all.cursor(), "no cursor after the last key");
        KvPage hundred = store.reader(f).list("k/", null, 100);
        assertEquals(100, hundred.keys().size(), "a page of 100 of them");
        assertEquals("k/099", hundred.cursor(), "its cursor");
        assertEquals(keys, (int) store.run(f, kv -> kv.list("k/", null, 1000).keys().size()),
                "the page of 1000 in a request");
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
        assertEquals(List.of("p/a", "p/c", "p/d"), keysOfAll(r::list, "p/", 1, 4, "pages of 1"),
                "following cursors yields each key once");
    }

    @Clause("KV-10.5")
    void kv10_5_aCursorBeforeThePrefixSkipsTheKeysInBetween(Env env) {
        KvStore store = env.store();
        String f = env.fn("cursor-before");
        commit(store, f, kv -> {
            for (String k : List.of("a", "b", "o/z", "p", "p/a", "p/b", "q")) {
                kv.set(k, 1);
            }
        });
        KvReader r = store.reader(f);
        assertEquals(List.of("p/a", "p/b"), r.list("p/", "a", 10).keys(),
                "prefix 'p/' after cursor 'a', with keys 'b' to 'p' in between");
        assertEquals(List.of("p/a"), r.list("p/", "o/z", 1).keys(),
                "prefix 'p/' after cursor 'o/z', limit 1");
        assertEquals(List.of("p/a", "p/b"), keysOfAll(r::list, "p/", 1, 3, "pages of 1"),
                "paging prefix 'p/' by 1");
        assertEquals(List.of("p/a", "p/b"), store.run(f, kv -> kv.list("p/", "0", 10).keys()),
                "prefix 'p/' after cursor '0' in a request");
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
            for (int pages = 0; cursor != null; pages++) {
                if (pages == 5) {
                    fail("paging prefix 'p/' by 2 after cursor " + show(first.cursor())
                            + " did not end within 5 pages (KV-10.5)");
                }
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

    @Clause("KV-10.5")
    void kv10_5_aCursorEqualToThePrefixSkipsTheKeyEqualToBoth(Env env) {
        KvStore store = env.store();
        String f = env.fn("cursor-prefix");
        commit(store, f, kv -> {
            for (String k : List.of("o", "p", "p/a", "pa", "q")) {
                kv.set(k, 1);
            }
        });
        KvReader r = store.reader(f);
        assertEquals(List.of("p/a", "pa"), r.list("p", "p", 10).keys(),
                "prefix 'p' after cursor 'p', which is a key");
        assertEquals(List.of("p", "p/a", "pa"), keysOfAll(r::list, "p", 1, 4, "pages of 1"),
                "paging prefix 'p' by 1, whose first page ends at the key 'p'");
        assertEquals(List.of("p/a", "pa"), store.run(f, kv -> {
            kv.set("p", 2);
            return kv.list("p", "p", 10).keys();
        }), "prefix 'p' after cursor 'p' in a request that set 'p'");
    }

    @Clause("KV-10.8")
    void kv10_8_aRangeListsFromItsStartToBeforeItsEnd(Env env) {
        KvStore store = env.store();
        String f = env.fn("range");
        commit(store, f, kv -> {
            for (String k : List.of("a", "b", "b/1", "b/2", "b0", "c", "d")) {
                kv.set(k, k);
            }
        });
        KvReader r = store.reader(f);
        assertEquals(List.of("b", "b/1", "b/2", "b0", "c"), r.list(KvRange.between("b", "d"))
                .keys(), "from b to before d");
        assertEquals(List.of("a"), r.list(KvRange.between(null, "b")).keys(), "up to before b");
        assertEquals(List.of("c", "d"), r.list(KvRange.between("c", null)).keys(), "from c");
        assertEquals(List.of("b/2", "b0"), r.list(KvRange.between("b/1\u0001", "c")).keys(),
                "from just after b/1");
        assertEquals(List.of("b/2"), r.list(KvRange.prefix("b/").start("b/15")).keys(),
                "prefix b/ from b/15");
        assertEquals(List.of("b/1"), r.list(KvRange.prefix("b/").end("b/2")).keys(),
                "prefix b/ up to before b/2");
        assertEquals(List.of(), r.list(KvRange.between("c", "b")).keys(), "a start after the end");
        assertEquals(List.of(), r.list(KvRange.between("b", "b")).keys(), "a start at the end");
        KvPage first = r.list(KvRange.between("b", "d").limit(2));
        assertEquals(List.of("b", "b/1"), first.keys(), "a page of 2");
        assertEquals("b/1", first.cursor(), "its cursor");
        assertEquals(List.of("b/2", "b0"), r.list(KvRange.between("b", "d").limit(2)
                .after(first.cursor())).keys(), "the next page");
        assertEquals(List.of("b/1", "b/2", "b0", "c"), store.run(f, kv -> kv.list(
                KvRange.between("b/", "d")).keys()), "in a request");
        for (KvRange bad : List.of(KvRange.between("", "b"), KvRange.between("a", "\uDC00"),
                KvRange.all().limit(0), KvRange.all().limit(1001), KvRange.all().after(""))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> r.list(bad), "refused: " + bad);
            assertTrue(e.getMessage().contains(f), "the message names the function: "
                    + e.getMessage());
        }
    }

    @Clause("KV-10.9")
    void kv10_9_aReverseRangeListsDownwardsAndItsCursorGoesOnDownwards(Env env) {
        KvStore store = env.store();
        String f = env.fn("reverse");
        commit(store, f, kv -> {
            for (String k : List.of("k1", "k2", "k3", "k4", "k5", "l", "\uE000", "\uD83D\uDE00")) {
                kv.set(k, k);
            }
        });
        KvReader r = store.reader(f);
        KvRange k = KvRange.prefix("k").reverse().limit(2);
        KvPage p1 = r.list(k);
        assertEquals(List.of("k5", "k4"), p1.keys(), "page 1");
        assertEquals("k4", p1.cursor(), "cursor of page 1");
        KvPage p2 = r.list(k.after(p1.cursor()));
        assertEquals(List.of("k3", "k2"), p2.keys(), "page 2");
        KvPage p3 = r.list(k.after(p2.cursor()));
        assertEquals(List.of("k1"), p3.keys(), "page 3");
        assertNull(p3.cursor(), "no cursor after the first key");
        assertEquals(List.of("k2", "k1"), r.list(KvRange.prefix("k").reverse().after("k25"))
                .keys(), "strictly before a cursor that is no key");
        assertEquals(List.of("\uD83D\uDE00", "\uE000", "l"), r.list(KvRange.between("l", null)
                .reverse()).keys(), "UTF-8 byte order, reversed");
        assertEquals(List.of("k4", "k3"), r.list(KvRange.between("k3", "k5").reverse()).keys(),
                "from before the end down to the start");
        List<String> inRequest = store.run(f, kv -> {
            kv.set("k35", 1);
            kv.delete("k2");
            List<String> out = new ArrayList<>();
            String cursor = null;
            for (int pages = 0; pages < 10; pages++) {
                KvPage page = kv.list(KvRange.prefix("k").reverse().limit(2).after(cursor));
                out.addAll(page.keys());
                cursor = page.cursor();
                if (cursor == null) {
                    break;
                }
            }
            return out;
        });
        assertEquals(List.of("k5", "k4", "k35", "k3", "k1"), inRequest,
                "pages of 2 in a request that set k35 and deleted k2");
    }

    @Clause("KV-10.10")
    void kv10_10_aRangeListingInARequestConflictsWithAKeyCommittedIntoIt(Env env) {
        KvStore store = env.store();
        String f = env.fn("range-phantom");
        commit(store, f, kv -> {
            kv.set("p/1", 1);
            kv.set("p/3", 3);
            kv.set("q", 1);
        });
        try (KvTransaction tx = store.begin(f)) {
            assertEquals(List.of("p/3"), tx.list(KvRange.prefix("p/").reverse().limit(1)).keys(),
                    "the last key of p/");
            commit(store, f, kv -> kv.set("p/4", "after the last key"));
            tx.set("seen", 1);
            assertThrows(KvConflictException.class, tx::commit,
                    "a key committed into the part a reverse page covered");
        }
        try (KvTransaction tx = store.begin(f)) {
            assertEquals(List.of("p/3", "p/4"), tx.list(KvRange.between("p/2", "q")).keys(),
                    "from p/2 to before q");
            commit(store, f, kv -> kv.set("p/25", "inside the range"));
            tx.set("seen", 2);
            assertThrows(KvConflictException.class, tx::commit,
                    "a key committed into a range listed forwards");
        }
        try (KvTransaction tx = store.begin(f)) {
            assertEquals(List.of("p/4", "p/3"), tx.list(KvRange.prefix("p/").start("p/3")
                    .reverse()).keys(), "prefix p/ from p/3, in reverse");
            commit(store, f, kv -> kv.delete("p/3"));
            tx.set("seen", 3);
            assertThrows(KvConflictException.class, tx::commit,
                    "a key deleted from a range listed in reverse");
        }
        assertEquals(null, store.reader(f).get("seen"), "none of the three committed");
    }
}
