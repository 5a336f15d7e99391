package io.kv4j.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.kv4j.Kv;
import io.kv4j.KvStore;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

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

    /** A request body that returns nothing. */
    interface Body {
        void accept(Kv kv) throws Exception;
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
