package io.kv4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC KV-5.4 and KV-10: a listing inside a request merges the committed entries, page by page,
 * with the request's own writes and deletes, in UTF-8 byte order.
 */
class ListingTest {

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

    @Test
    void ownSetsAndDeletes_areMergedIntoTheCommittedEntries() {
        List<String> keys = store.run("f", kv -> {
            kv.set("b", 1);
            kv.set("d", 1);
            kv.delete("c");
            kv.set("e", "overwritten");
            return kv.list("", null, 1000).keys();
        });
        assertEquals(List.of("a", "b", "d", "e", "g", "p/1", "p/3", "q"), keys);
    }

    @Test
    void pagesOfTheMerge_neitherRepeatNorSkip_acrossScanPages() {
        List<String> all = store.run("f", kv -> {
            kv.set("b", 1);
            kv.set("f", 1);
            kv.delete("e");
            kv.set("zz", 1);
            List<String> out = new ArrayList<>();
            String cursor = null;
            do {
                KvPage page = kv.list("", cursor, 2);
                out.addAll(page.keys());
                cursor = page.cursor();
            } while (cursor != null);
            return out;
        });
        assertEquals(List.of("a", "b", "c", "f", "g", "p/1", "p/3", "q", "zz"), all);
    }

    @Test
    void ownWritesOutsideThePrefix_orOfAnotherFunction_areNotListed() {
        List<String> keys = store.run("f", kv -> {
            kv.set("p/2", 1);
            kv.set("p", 1);
            kv.set("pq", 1);
            kv.call("g", other -> {
                other.set("p/0", 1);
                return null;
            });
            return kv.list("p/").keys();
        });
        assertEquals(List.of("p/1", "p/2", "p/3"), keys);
    }

    @Test
    void aCursorBeforeThePrefix_startsAtThePrefix() {
        List<String> keys = store.run("f", kv -> {
            kv.set("p/0", 1);
            return kv.list("p/", "a", 10).keys();
        });
        assertEquals(List.of("p/0", "p/1", "p/3"), keys);
    }

    @Test
    void ownWrites_sortInUtf8ByteOrder_besideCommittedOnes() {
        String emoji = "\uD83D\uDE00";
        String replacement = "\uFFFD";
        List<String> keys = store.run("f", kv -> {
            kv.set("u/" + emoji, 1);
            return kv.list("u/").keys();
        });
        assertEquals(List.of("u/" + emoji), keys);
        store.run("f", kv -> {
            kv.set("u/" + emoji, 1);
            return null;
        });
        List<String> merged = store.run("f", kv -> {
            kv.set("u/" + replacement, 1);
            return kv.list("u/").keys();
        });
        assertEquals(List.of("u/" + replacement, "u/" + emoji), merged,
                "U+FFFD sorts before U+1F600 in UTF-8, after it in UTF-16");
    }

    @Test
    void theLastPage_hasNoCursor() {
        KvPage page = store.run("f", kv -> kv.list("p/", null, 2));
        assertNull(page.cursor());
        assertEquals(List.of("p/1", "p/3"), page.keys());
    }
}
