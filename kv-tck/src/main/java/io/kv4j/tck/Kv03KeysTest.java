package io.kv4j.tck;

import static io.kv4j.tck.Checks.assertNames;
import static io.kv4j.tck.Checks.commit;
import static io.kv4j.tck.Checks.refusedInRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.Kv;
import io.kv4j.KvReader;
import io.kv4j.KvStore;
import io.kv4j.KvType;
import io.kv4j.KvTransaction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.function.Executable;

/** KV-3 Keys. */
@Chapter(3)
final class Kv03KeysTest {

    private static final String EMOJI = "\uD83D\uDE00";

    /** Keys that KV-3.1 refuses, each with why. */
    static Map<String, String> badKeys() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("a".repeat(2049), "2,049 ASCII letters");
        bad.put("\u20AC".repeat(683), "683 euro signs = 2,049 bytes");
        bad.put("", "the empty key");
        bad.put("\uD800", "a lone high surrogate");
        bad.put("a\uDC00b", "a lone low surrogate");
        bad.put("\uDE00\uD83D", "a reversed surrogate pair");
        bad.put("a\u0000", "U+0000");
        return bad;
    }

    @Clause("KV-3.1")
    void kv3_1_keysOf2048Utf8BytesAreAccepted(Env env) {
        KvStore store = env.store();
        String f = env.fn("long-keys");
        String ascii = "a".repeat(2048);
        String emoji = EMOJI.repeat(512);
        assertEquals(2048, emoji.getBytes(StandardCharsets.UTF_8).length);
        commit(store, f, kv -> {
            kv.set(ascii, "ascii");
            kv.set(ascii.substring(1), "one shorter");
            kv.set(emoji, "emoji");
        });
        assertEquals("ascii", store.reader(f).get(ascii), "key of 2,048 ASCII letters");
        assertEquals("one shorter", store.reader(f).get(ascii.substring(1)), "key of 2,047 letters");
        assertEquals("emoji", store.reader(f).get(emoji), "key of 512 emoji = 2,048 bytes");
        assertEquals(3, store.reader(f).list("").keys().size(), "three distinct long keys");
    }

    @Clause("KV-3.1")
    void kv3_1_keysOutsideTheRulesAreRefused(Env env) {
        badKeys().forEach((key, what) -> refusedInRequest(env, env.fn("bad-key"),
                IllegalArgumentException.class, "set of " + what, kv -> kv.set(key, 1)));
    }

    @Clause("KV-3.2")
    void kv3_2_everyOtherKeyIsKeptExactly(Env env) {
        KvStore store = env.store();
        String f = env.fn("odd-keys");
        List<String> keys = new ArrayList<>(List.of(" ", "/", "//a/", ".", "..", "a\\b", "%", "_",
                "\u007F", "\uFFFF", EMOJI, "\uD834\uDD1E", "x\uDBFF\uDFFF"));
        for (char c = 1; c < 0x20; c++) {
            keys.add("c" + c);
        }
        commit(store, f, kv -> {
            for (String k : keys) {
                kv.set(k, k);
            }
        });
        for (String k : keys) {
            Checks.assertEqualsShown(k, store.reader(f).get(k), "value under key " + Checks.show(k));
        }
        List<String> sorted = new ArrayList<>(keys);
        sorted.sort(Checks.UTF8_ORDER);
        Checks.assertEqualsShown(sorted, store.reader(f).list("", null, 1000).keys(),
                "every key listed exactly as given");
    }

    @Clause("KV-3.2")
    void kv3_2_keysDifferingInCaseSpacesOrNormalisationAreDistinct(Env env) {
        KvStore store = env.store();
        String f = env.fn("distinct");
        List<String> keys = List.of("key", "Key", "KEY", "key ", " key", "\u00E9", "e\u0301");
        commit(store, f, kv -> {
            for (int i = 0; i < keys.size(); i++) {
                kv.set(keys.get(i), i);
            }
        });
        for (int i = 0; i < keys.size(); i++) {
            Checks.assertEqualsShown((long) i, store.reader(f).get(keys.get(i)),
                    "the value of key " + Checks.show(keys.get(i)));
        }
        assertEquals(keys.size(), store.reader(f).list("").keys().size(), "all keys distinct");
    }

    @Clause("KV-3.3")
    void kv3_3_everyCallThatTakesAKeyRefusesABadOne(Env env) {
        KvStore store = env.store();
        String f = env.fn("bad-key-calls");
        for (Map.Entry<String, String> bad : badKeys().entrySet()) {
            String key = bad.getKey();
            String what = bad.getValue();
            commit(store, f, kv -> {
                refuses(kv, key, what + " in a run body");
                kv.call(env.fn("callee"), callee -> {
                    refuses(callee, key, what + " in a call body");
                    return null;
                });
                kv.set("ok", true);
            });
            try (KvTransaction tx = store.begin(f)) {
                refuses(tx, key, what + " in a KvTransaction");
                tx.commit();
            }
            KvReader reader = store.reader(f);
            refused(() -> reader.get(key), what + ": reader get");
            refused(() -> reader.get(key, String.class), what + ": reader typed get");
            refused(() -> reader.has(key), what + ": reader has");
        }
        assertEquals(List.of("ok"), store.reader(f).list("").keys(), "only the good write committed");
    }

    @Clause("KV-3.3")
    void kv3_3_theMessageGivesReasonFunctionAndKeyEscapedAndShortened(Env env) {
        KvStore store = env.store();
        String f = env.fn("messages");
        String nul = assertThrows(IllegalArgumentException.class,
                () -> store.reader(f).get("a\u0000")).getMessage();
        assertTrue(nul.contains("a\\u0000"), "U+0000 appears as \\u0000 in: " + nul);
        assertFalse(nul.contains("\u0000"), "no raw U+0000 in: " + nul.replace("\u0000", "<NUL>"));
        assertTrue(nul.contains(f), "the message names the function: " + nul);
        String lone = assertThrows(IllegalArgumentException.class,
                () -> store.reader(f).get("a\uD800")).getMessage();
        assertTrue(lone.toUpperCase().contains("\\UD800"), "a lone surrogate appears escaped in: " + lone);
        String key = "\u00E9".repeat(1100);
        String longer = assertThrows(IllegalArgumentException.class,
                () -> store.reader(f).get(key)).getMessage();
        assertTrue(longer.contains(key.substring(0, 64)), "the first 64 code points appear in: "
                + longer);
        assertFalse(longer.contains(key.substring(0, 65)), "no more than 64 code points appear");
        assertTrue(longer.contains("..."), "a shortened key is followed by '...': " + longer);
        assertTrue(longer.contains("2200"), "the key's length in UTF-8 bytes (2200) appears: "
                + longer);
    }

    @Clause("KV-3.4")
    void kv3_4_slashHasNoMeaningOfItsOwn(Env env) {
        KvStore store = env.store();
        String f = env.fn("slash");
        commit(store, f, kv -> {
            kv.set("a", 1);
            kv.set("a/b", 2);
            kv.set("x/y", 3);
        });
        commit(store, f, kv -> kv.delete("a"));
        KvReader r = store.reader(f);
        assertEquals(2L, r.get("a/b"), "deleting 'a' leaves 'a/b'");
        assertFalse(r.has("x"), "setting 'x/y' creates no entry 'x'");
        assertEquals(List.of("a/b", "x/y"), r.list("").keys(), "entries form no hierarchy");
    }

    @Clause("KV-3.5")
    void kv3_5_badFunctionNamesAreRefusedBeforeAnythingRuns(Env env) {
        KvStore store = env.store();
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("f".repeat(257), "257 ASCII letters");
        bad.put("", "the empty name");
        bad.put("f\uD800", "a lone surrogate");
        bad.put("f\u0000", "U+0000");
        String caller = env.fn("caller");
        bad.forEach((name, what) -> {
            AtomicBoolean ran = new AtomicBoolean();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> store.run(name, kv -> ran.getAndSet(true)), "run with " + what);
            assertFalse(ran.get(), "run with " + what + ": the body must not run");
            if (name.length() < 64 && name.indexOf(0) < 0 && name.indexOf('\uD800') < 0) {
                assertNames(e, name, "run with " + what);
            }
            assertThrows(IllegalArgumentException.class, () -> store.begin(name), "begin with " + what);
            assertThrows(IllegalArgumentException.class, () -> store.reader(name), "reader of " + what);
            commit(store, caller, kv -> {
                assertThrows(IllegalArgumentException.class,
                        () -> kv.call(name, callee -> ran.getAndSet(true)), "call of " + what);
                kv.set("after-" + what, true);
            });
            assertFalse(ran.get(), "call of " + what + ": the body must not run");
            assertEquals(true, store.reader(caller).get("after-" + what),
                    "the caller committed after catching the refused call of " + what);
        });
    }

    @Clause("KV-3.5")
    void kv3_5_functionNamesOf256Utf8BytesAreAccepted(Env env) {
        KvStore store = env.store();
        String unique = env.fn("");
        String ascii = unique + "f".repeat(256 - unique.length());
        int rest = 256 - unique.length();
        String emoji = unique + "f".repeat(rest % 4) + EMOJI.repeat(rest / 4);
        for (String name : List.of(ascii, emoji)) {
            commit(store, name, kv -> kv.set("k", name.length()));
            assertEquals((long) name.length(), store.reader(name).get("k"),
                    "function name of " + name.getBytes(StandardCharsets.UTF_8).length + " bytes");
        }
    }

    @Clause("KV-3.6")
    void kv3_6_nullArgumentsThrowNullPointerExceptionNamingTheParameter(Env env) {
        KvStore store = env.store();
        String f = env.fn("nulls");
        npe(() -> store.run(null, kv -> null), "function");
        npe(() -> store.run(f, null), "request");
        npe(() -> store.begin(null), "function");
        npe(() -> store.reader(null), "function");
        npe(() -> KvStore.open(null), "url");
        KvReader r = store.reader(f);
        npe(() -> r.get(null), "key");
        npe(() -> r.get(null, String.class), "key");
        npe(() -> r.get("k", (Class<?>) null), "type");
        npe(() -> r.get("k", (KvType<?>) null), "type");
        npe(() -> r.has(null), "key");
        npe(() -> r.list((String) null), "prefix");
        commit(store, f, kv -> {
            npe(() -> kv.get(null), "key");
            npe(() -> kv.get("k", (Class<?>) null), "type");
            npe(() -> kv.get("k", (KvType<?>) null), "type");
            npe(() -> kv.has(null), "key");
            npe(() -> kv.set(null, 1), "key");
            npe(() -> kv.delete(null), "key");
            npe(() -> kv.list((String) null), "prefix");
            npe(() -> kv.list(null, null, 10), "prefix");
            npe(() -> kv.call(null, callee -> null), "function");
            npe(() -> kv.call(f, null), "request");
            kv.set("k", null);
            kv.list("", null, 10);
        });
        assertEquals(List.of("k"), store.reader(f).list("").keys(),
                "only set(k, null) wrote, and the request committed");
    }

    private static void refuses(Kv kv, String key, String what) {
        refused(() -> kv.get(key), what + ": get");
        refused(() -> kv.get(key, String.class), what + ": typed get");
        refused(() -> kv.has(key), what + ": has");
        refused(() -> kv.set(key, 1), what + ": set");
        refused(() -> kv.delete(key), what + ": delete");
    }

    private static void refused(Executable call, String what) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call, what);
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), what + ": no message");
    }

    private static void npe(Executable call, String parameter) {
        NullPointerException e = assertThrows(NullPointerException.class, call,
                "a null " + parameter);
        assertNames(e, parameter, "the NullPointerException for a null " + parameter);
    }
}
