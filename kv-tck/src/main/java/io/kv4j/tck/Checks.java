package io.kv4j.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.kv4j.Kv;
import io.kv4j.KvEntry;
import io.kv4j.KvPage;
import io.kv4j.KvRange;
import io.kv4j.KvStore;
import io.kv4j.spi.Text;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.AssertionFailedError;

/** Assertions and small helpers that several chapters share. */
final class Checks {

    /** UTF-8 byte order, computed here from the bytes so that no backend code is trusted. */
    static final Comparator<String> UTF8_ORDER = (a, b) -> {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        int n = Math.min(x.length, y.length);
        for (int i = 0; i < n; i++) {
            int c = Integer.compare(x[i] & 0xff, y[i] & 0xff);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    };

    private Checks() {
    }

    /** A listing call: {@code KvReader::list} or {@code Kv::list}. */
    interface Lister {
        KvPage list(String prefix, String cursor, int limit);
    }

    /**
     * Follows the cursors of a listing from its start until the cursor is null, and fails, instead
     * of looping on, when a cursor does not advance or the pages do not end within
     * {@code maxPages}: a backend that ignores the cursor must not hold the kit.
     *
     * @return every entry listed, in the order listed
     */
    static List<KvEntry> listAll(Lister lister, String prefix, int limit, int maxPages,
            String what) {
        List<KvEntry> all = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < maxPages; pages++) {
            KvPage page = lister.list(prefix, cursor, limit);
            all.addAll(page.entries());
            String next = page.cursor();
            if (next == null) {
                return all;
            }
            if (cursor != null && UTF8_ORDER.compare(next, cursor) <= 0) {
                fail(what + ": page " + (pages + 1) + " of prefix " + show(prefix) + " after cursor "
                        + show(cursor) + " returned the cursor " + show(next) + ", which does not "
                        + "advance, so paging would never end (KV-10.5); keys of that page: "
                        + show(page.keys()));
            }
            cursor = next;
        }
        return fail(what + ": paging prefix " + show(prefix) + " by " + limit + " did not end "
                + "within " + maxPages + " pages; the last cursor was " + show(cursor)
                + " (KV-10.4, KV-10.5)");
    }

    /** The keys of {@link #listAll}. */
    static List<String> keysOfAll(Lister lister, String prefix, int limit, int maxPages,
            String what) {
        List<String> keys = new ArrayList<>();
        for (KvEntry e : listAll(lister, prefix, limit, maxPages, what)) {
            keys.add(e.key());
        }
        return keys;
    }

    /**
     * A value as a failure message shows it: each string quoted with its invisible and combining
     * characters escaped as {@code \\uXXXX} ({@link Text#quote}) and, where normalisation could
     * change it, whether it is in NFC or NFD; each number with its Java type.
     */
    static String show(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return Text.quote(s) + form(s);
        }
        if (value instanceof Number n) {
            return n + " (" + n.getClass().getSimpleName() + ")";
        }
        if (value instanceof List<?> list) {
            StringBuilder b = new StringBuilder("[");
            for (Iterator<?> it = list.iterator(); it.hasNext(); ) {
                b.append(show(it.next())).append(it.hasNext() ? ", " : "");
            }
            return b.append(']').toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder b = new StringBuilder("{");
            for (Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<?, ?> e = it.next();
                b.append(show(e.getKey())).append(": ").append(show(e.getValue()))
                        .append(it.hasNext() ? ", " : "");
            }
            return b.append('}').toString();
        }
        return String.valueOf(value);
    }

    /** Whether a text is in NFC or NFD, where the two differ; empty where they do not. */
    static String form(String s) {
        boolean nfc = Normalizer.isNormalized(s, Normalizer.Form.NFC);
        boolean nfd = Normalizer.isNormalized(s, Normalizer.Form.NFD);
        if (nfc && nfd) {
            return "";
        }
        return nfc ? " (NFC)" : nfd ? " (NFD)" : " (neither NFC nor NFD)";
    }

    /**
     * Asserts that two values are equal, showing both as {@link #show} does, so that texts that
     * look alike, and numbers of different types, are told apart.
     */
    static void assertEqualsShown(Object expected, Object actual, String what) {
        if (!Objects.equals(expected, actual)) {
            // JUnit's form, with the values, so that the console can show where they differ;
            // lists copied, as the error keeps only values that are Serializable
            throw new AssertionFailedError(what + " ==> expected: " + show(expected)
                    + " but was: " + show(actual), kept(expected), kept(actual));
        }
    }

    private static Object kept(Object value) {
        return value instanceof List<?> list ? new ArrayList<>(list) : value;
    }

    /** A request body that returns nothing. */
    interface Body {
        void accept(Kv kv) throws Exception;
    }

    /**
     * Every call of a Kv, by name, each with valid arguments, for the tests that a Kv refuses
     * every call: a finished transaction (KV-5.11), a call's Kv after the call and an outer Kv
     * during one (KV-6.6).
     */
    static Map<String, Executable> everyCall(Kv kv, String function) {
        Map<String, Executable> calls = new LinkedHashMap<>();
        calls.put("get", () -> kv.get("k"));
        calls.put("typed get", () -> kv.get("k", Long.class));
        calls.put("has", () -> kv.has("k"));
        calls.put("getEntry", () -> kv.getEntry("k"));
        calls.put("getMany", () -> kv.getMany(List.of("k")));
        calls.put("list", () -> kv.list(""));
        calls.put("list of a range", () -> kv.list(KvRange.prefix("k").reverse()));
        calls.put("set", () -> kv.set("k", 1));
        calls.put("delete", () -> kv.delete("k"));
        calls.put("deleteRange", () -> kv.deleteRange(KvRange.prefix("k")));
        calls.put("sum", () -> kv.sum("n", 1));
        calls.put("min", () -> kv.min("n", 1));
        calls.put("max", () -> kv.max("n", 1));
        calls.put("check", () -> kv.check("k", null));
        calls.put("call", () -> kv.call(function, other -> null));
        return calls;
    }

    /** Runs {@code body} as one request of {@code function} and lets it commit. */
    static void commit(KvStore store, String function, Body body) {
        store.run(function, kv -> {
            body.accept(kv);
            return null;
        });
    }

    /**
     * Checks that a call is refused inside a request: it throws {@code type}, writes nothing, and
     * the request goes on to commit its other writes.
     *
     * @param body the refused call; it may only write keys other than {@code before} and
     *     {@code after}
     * @return what the call threw
     */
    static <T extends Throwable> T refusedInRequest(Env env, String function, Class<T> type,
            String what, Body body) {
        KvStore store = env.store();
        Object[] thrown = new Object[1];
        commit(store, function, kv -> {
            kv.set("before", 1);
            thrown[0] = assertThrows(type, () -> body.accept(kv), what + " must be refused");
            kv.set("after", 2);
        });
        assertEquals(List.of("after", "before"), store.reader(function).list("").keys(),
                what + ": the refused call wrote nothing and the request committed the rest");
        return type.cast(thrown[0]);
    }

    /** Asserts that an exception's message contains {@code text}. */
    static void assertNames(Throwable e, String text, String what) {
        String m = e.getMessage();
        if (m == null) {
            fail(what + ": the " + e.getClass().getSimpleName() + " has no message");
        }
        assertTrue(m.contains(text), what + ": expected the message to contain '" + shorten(text)
                + "' but it was: " + shorten(m));
    }

    static String shorten(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "... (" + s.length() + " chars)";
    }
}
