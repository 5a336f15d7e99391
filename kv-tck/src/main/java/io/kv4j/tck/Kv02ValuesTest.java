package io.kv4j.tck;

import static io.kv4j.tck.Checks.assertNames;
import static io.kv4j.tck.Checks.commit;
import static io.kv4j.tck.Checks.refusedInRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.KvStore;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/** KV-2 Values. */
@Chapter(2)
final class Kv02ValuesTest {

    /** A record value, written as a JSON object. */
    record Point(int x, int y) {
    }

    /** A bean value, written as a JSON object through its getter. */
    static final class Bean {
        public String getName() {
            return "bean";
        }
    }

    /** A bean whose getter throws, so it cannot be written. */
    static final class ThrowingBean {
        public String getName() {
            throw new IllegalStateException("this getter always fails");
        }
    }

    @Clause("KV-2.1")
    void kv2_1_getReturnsPlainJsonTypes(Env env) {
        KvStore store = env.store();
        String f = env.fn("types");
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("int", 42);
        in.put("smallLong", 5L);
        in.put("long", 1L << 40);
        in.put("big", BigInteger.ONE.shiftLeft(70));
        in.put("smallBig", BigInteger.TEN);
        in.put("double", 1.5);
        in.put("float", 0.25f);
        in.put("text", "t");
        in.put("bool", true);
        in.put("list", List.of(1, 2));
        in.put("map", Map.of("a", 1));
        in.put("null", null);
        commit(store, f, kv -> kv.set("k", in));
        Map<?, ?> m = assertInstanceOf(Map.class, store.reader(f).get("k"), "an object value");
        assertEquals(Integer.valueOf(42), m.get("int"), "42 reads back as Integer");
        assertEquals(Integer.valueOf(5), m.get("smallLong"), "5L reads back as the narrowest: Integer");
        assertEquals(Long.valueOf(1L << 40), m.get("long"), "2^40 reads back as Long");
        assertEquals(BigInteger.ONE.shiftLeft(70), m.get("big"), "2^70 reads back as BigInteger");
        assertEquals(Integer.valueOf(10), m.get("smallBig"), "BigInteger.TEN reads back as Integer");
        assertEquals(Double.valueOf(1.5), m.get("double"), "1.5 reads back as Double");
        assertEquals(Double.valueOf(0.25), m.get("float"), "0.25f reads back as Double");
        assertEquals("t", m.get("text"));
        assertEquals(Boolean.TRUE, m.get("bool"));
        assertTrue(m.containsKey("null") && m.get("null") == null, "a null member is kept");
        @SuppressWarnings("unchecked")
        List<Object> list = assertInstanceOf(List.class, m.get("list"), "an array value");
        list.add(3);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = assertInstanceOf(Map.class, m.get("map"), "an object value");
        map.put("b", 2);
        assertEquals(List.of(1, 2, 3), list, "the returned List is mutable");
        assertEquals(Map.of("a", 1, "b", 2), map, "the returned Map is mutable");
    }

    @Clause("KV-2.1")
    void kv2_1_setAcceptsRecordsBeansArraysAndCollections(Env env) {
        KvStore store = env.store();
        String f = env.fn("objects");
        commit(store, f, kv -> {
            kv.set("record", new Point(1, 2));
            kv.set("bean", new Bean());
            kv.set("ints", new int[] {1, 2});
            kv.set("strings", new String[] {"a", "b"});
            kv.set("set", new LinkedHashSet<>(List.of("x", "y")));
        });
        assertEquals(Map.of("x", 1, "y", 2), store.reader(f).get("record"), "a record");
        assertEquals(Map.of("name", "bean"), store.reader(f).get("bean"), "a bean");
        assertEquals(List.of(1, 2), store.reader(f).get("ints"), "an int[]");
        assertEquals(List.of("a", "b"), store.reader(f).get("strings"), "a String[]");
        assertEquals(List.of("x", "y"), store.reader(f).get("set"), "a Set");
    }

    @Clause("KV-2.2")
    void kv2_2_changingTheObjectPassedToSetChangesNothingStored(Env env) {
        KvStore store = env.store();
        String f = env.fn("copy-in");
        Map<String, Object> value = new LinkedHashMap<>(Map.of("n", 1));
        Object inside = store.run(f, kv -> {
            kv.set("k", value);
            value.put("n", 2);
            return kv.get("k");
        });
        value.put("extra", true);
        assertEquals(Map.of("n", 1), inside, "read in the same request after changing the object");
        assertEquals(Map.of("n", 1), store.reader(f).get("k"), "read after commit");
    }

    @Clause("KV-2.2")
    void kv2_2_changingAReturnedObjectChangesNothingStored(Env env) {
        KvStore store = env.store();
        String f = env.fn("copy-out");
        Object again = store.run(f, kv -> {
            kv.set("k", List.of(1, 2));
            @SuppressWarnings("unchecked")
            List<Object> got = (List<Object>) kv.get("k");
            got.add(3);
            return kv.get("k");
        });
        assertEquals(List.of(1, 2), again, "read after changing an earlier read, same request");
        @SuppressWarnings("unchecked")
        List<Object> read = (List<Object>) store.reader(f).get("k");
        read.clear();
        assertEquals(List.of(1, 2), store.reader(f).get("k"), "reader after changing a reader result");
        @SuppressWarnings("unchecked")
        List<Object> listed = (List<Object>) store.reader(f).list("").entries().get(0).value();
        listed.clear();
        assertEquals(List.of(1, 2), store.run(f, kv -> kv.get("k")), "read after changing a listed value");
    }

    @Clause("KV-2.2")
    void kv2_2_twoReadsNeverReturnTheSameInstance(Env env) {
        KvStore store = env.store();
        String f = env.fn("instances");
        commit(store, f, kv -> {
            kv.set("map", Map.of("a", 1));
            kv.set("list", List.of(1));
        });
        for (String k : List.of("map", "list")) {
            Object[] twice = store.run(f, kv -> new Object[] {kv.get(k), kv.get(k)});
            assertNotSame(twice[0], twice[1], "two gets of '" + k + "' in one request");
            assertNotSame(store.reader(f).get(k), store.reader(f).get(k), "two reader gets of " + k);
            var entry = store.reader(f).list(k).entries().get(0);
            assertNotSame(entry.value(), entry.value(), "two calls of value() on a listed " + k);
        }
    }

    @Clause("KV-2.3")
    void kv2_3_valuesRoundTripExactly(Env env) {
        KvStore store = env.store();
        String f = env.fn("round-trip");
        Map<String, Object> nullMember = new LinkedHashMap<>();
        nullMember.put("a", null);
        nullMember.put("b", 1);
        List<Object> values = Arrays.asList(null, true, false, 0, 42, -17.5, "",
                "\uD83D\uDE00\uD834\uDD1E", "quote \" backslash \\ tab \t nl \n cr \r nul-free \u0001 \u001F \u2028",
                Long.MIN_VALUE, Long.MAX_VALUE, new BigInteger("18446744073709551617"),
                new BigInteger("-18446744073709551617"), List.of(),
                Arrays.asList(1, "a", null, true, 1.5, Map.of(), List.of()), Map.of(),
                Map.of("a", Map.of("b", List.of(Map.of("c", "d")))), nullMember);
        commit(store, f, kv -> {
            for (int i = 0; i < values.size(); i++) {
                kv.set("v" + i, values.get(i));
            }
        });
        for (int i = 0; i < values.size(); i++) {
            String k = "v" + i;
            Object expected = values.get(i);
            Checks.assertEqualsShown(expected, store.reader(f).get(k), "value " + i
                    + " read by a reader");
            Checks.assertEqualsShown(expected, store.run(f, kv -> kv.get(k)), "value " + i
                    + " read in a request");
        }
    }

    @Clause("KV-2.4")
    void kv2_4_valuesNested500LevelsDeepRoundTrip(Env env) {
        KvStore store = env.store();
        String f = env.fn("deep");
        Object arrays = "bottom";
        Object objects = "bottom";
        for (int i = 0; i < 500; i++) {
            arrays = new ArrayList<>(List.of(arrays));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("d", objects);
            objects = m;
        }
        Object a = arrays;
        Object o = objects;
        commit(store, f, kv -> {
            kv.set("arrays", a);
            kv.set("objects", o);
        });
        assertEquals(a, store.reader(f).get("arrays"), "arrays nested 500 deep");
        assertEquals(o, store.reader(f).get("objects"), "objects nested 500 deep");
    }

    @Clause("KV-2.4")
    void kv2_4_valueNestedTooDeeplyIsRefusedNotAStackOverflow(Env env) {
        List<Object> deep = new ArrayList<>();
        List<Object> inner = deep;
        for (int i = 0; i < 100_000; i++) {
            List<Object> next = new ArrayList<>();
            inner.add(next);
            inner = next;
        }
        refusedInRequest(env, env.fn("too-deep"), IllegalArgumentException.class,
                "a value nested 100,000 deep",
                kv -> kv.set("k", deep));
    }

    @Clause("KV-2.5")
    void kv2_5_nonFiniteNumbersAreRefused(Env env) {
        List<Object> bad = List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY);
        for (Object n : bad) {
            String what = n + " as " + n.getClass().getSimpleName();
            refusedInRequest(env, env.fn("non-finite"), IllegalArgumentException.class, what,
                    kv -> kv.set("k", n));
            refusedInRequest(env, env.fn("non-finite"), IllegalArgumentException.class,
                    what + " in a list", kv -> kv.set("k", List.of(1, n)));
            refusedInRequest(env, env.fn("non-finite"), IllegalArgumentException.class,
                    what + " in a map", kv -> kv.set("k", Map.of("a", Map.of("b", n))));
        }
    }

    @Clause("KV-2.6")
    void kv2_6_valuesThatAreNotJsonAreRefusedNamingKeyAndFunction(Env env) {
        Map<String, Object> cyclicMap = new LinkedHashMap<>();
        cyclicMap.put("self", cyclicMap);
        List<Object> cyclicList = new ArrayList<>();
        cyclicList.add(cyclicList);
        Map<String, Object> loneInName = new LinkedHashMap<>();
        loneInName.put("a\uD800", 1);
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("a cyclic Map", cyclicMap);
        bad.put("a cyclic List", cyclicList);
        bad.put("new Object()", new Object());
        bad.put("a bean whose getter throws", new ThrowingBean());
        bad.put("a string with a lone surrogate", "a\uD800b");
        bad.put("a member name with a lone surrogate", loneInName);
        bad.forEach((what, value) -> {
            String f = env.fn("not-json");
            IllegalArgumentException e = refusedInRequest(env, f, IllegalArgumentException.class,
                    what, kv -> kv.set("bad-key", value));
            assertNames(e, "bad-key", what + ": the message names the key");
            assertNames(e, f, what + ": the message names the function");
            assertNotNull(e.getCause(), what + ": the mapper's error is the cause");
        });
    }

    @Clause("KV-2.7")
    void kv2_7_defaultLimitAccepts16MiBAndRefusesOneByteMore(Env env) {
        KvStore store = env.store();
        String f = env.fn("limit");
        int limit = 16 * 1024 * 1024;
        String atLimit = "a".repeat(limit - 2);
        commit(store, f, kv -> kv.set("k", atLimit));
        assertEquals(atLimit.length(), ((String) store.reader(f).get("k")).length(),
                "length of a value of exactly 16 MiB read back");
        String g = env.fn("over-limit");
        IllegalArgumentException e = refusedInRequest(env, g, IllegalArgumentException.class,
                "a value of 16 MiB + 1", kv -> kv.set("big", atLimit + "a"));
        assertNames(e, "big", "the key");
        assertNames(e, g, "the function");
        assertNames(e, String.valueOf(limit), "the limit");
        assertNames(e, String.valueOf(limit + 1), "the actual size");
    }

    @Clause("KV-2.7")
    void kv2_7_configuredLimitIsExactAndAppliesToSetOnly(Env env) {
        String f = env.fn("small-limit");
        KvStore wide = env.open(Map.of("max-value-bytes", "100"));
        commit(wide, f, kv -> kv.set("k", "a".repeat(98)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> wide.run(f, kv -> {
                    kv.set("over", "a".repeat(99));
                    return null;
                }), "101 bytes with max-value-bytes=100");
        assertNames(e, "100", "the limit");
        assertNames(e, "101", "the actual size");
        assertNames(e, f, "the function");
        assertFalse(wide.reader(f).has("over"), "the refused value was not written");
    }

    @Clause("KV-2.7")
    void kv2_7_aStoredValueOverTheReadingStoresLimitCanBeRead(Env env) {
        Assumptions.assumeTrue(env.storesShareStorage(), "untested: the backend declares "
                + "PRIVATE_TO_STORE, so no store with another limit shares the storage");
        String f = env.fn("over-limit");
        KvStore wide = env.open(Map.of("max-value-bytes", "100"));
        commit(wide, f, kv -> kv.set("k", "a".repeat(98)));
        KvStore narrow = env.open(Map.of("max-value-bytes", "10"));
        assertEquals("a".repeat(98), narrow.reader(f).get("k"),
                "a stored value over the reading store's limit can still be read");
    }

    @Clause("KV-2.8")
    void kv2_8_typedGetConvertsJsonToTheType(Env env) {
        KvStore store = env.store();
        String f = env.fn("typed");
        commit(store, f, kv -> {
            kv.set("int", 42);
            kv.set("long", 1L << 40);
            kv.set("big", BigInteger.ONE.shiftLeft(70));
            kv.set("decimal", new BigDecimal("12345678901234567890.123456789"));
            kv.set("double", 2.5);
            kv.set("text", "t");
            kv.set("bool", true);
            kv.set("map", Map.of("a", 1));
            kv.set("list", List.of(1));
            kv.set("point", Map.of("x", 3, "y", 4));
            kv.set("null", null);
        });
        var r = store.reader(f);
        assertEquals(Integer.valueOf(42), r.get("int", Integer.class));
        assertEquals(Long.valueOf(1L << 40), r.get("long", Long.class));
        assertEquals(BigInteger.ONE.shiftLeft(70), r.get("big", BigInteger.class));
        assertEquals(new BigDecimal("12345678901234567890.123456789"), r.get("decimal", BigDecimal.class),
                "BigDecimal read back exactly");
        assertEquals(Double.valueOf(2.5), r.get("double", Double.class));
        assertEquals("t", r.get("text", String.class));
        assertEquals(Boolean.TRUE, r.get("bool", Boolean.class));
        assertEquals(Map.of("a", 1), r.get("map", Map.class));
        assertEquals(List.of(1), r.get("list", List.class));
        assertEquals(new Point(3, 4), r.get("point", Point.class));
        assertNull(r.get("null", Long.class), "JSON null as Long");
        assertNull(r.get("absent", Point.class), "a missing key as a record");
        assertEquals(Long.valueOf(42), store.run(f, kv -> kv.get("int", Long.class)), "in a request");
    }

    @Clause("KV-2.8")
    void kv2_8_typedGetRefusesJsonThatDoesNotFitTheType(Env env) {
        KvStore store = env.store();
        String f = env.fn("typed-bad");
        commit(store, f, kv -> {
            kv.set("object", Map.of("a", 1));
            kv.set("abc", "abc");
            kv.set("array", List.of(1, 2));
            kv.set("twoTo63", BigInteger.ONE.shiftLeft(63));
            kv.set("fraction", 1.5);
        });
        Map<String, Class<?>> cases = new LinkedHashMap<>();
        cases.put("object", Long.class);
        cases.put("abc", Integer.class);
        cases.put("array", String.class);
        cases.put("twoTo63", Long.class);
        cases.put("fraction", Integer.class);
        cases.forEach((key, type) -> {
            String what = key + " read as " + type.getSimpleName();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> store.reader(f).get(key, type), what);
            assertNames(e, key, what + ": the key");
            assertNames(e, f, what + ": the function");
            assertNames(e, type.getSimpleName(), what + ": the type");
            Object inside = store.run(f, kv -> {
                assertThrows(IllegalArgumentException.class, () -> kv.get(key, type), what);
                kv.set("after-" + key, true);
                return kv.get(key);
            });
            assertNotNull(inside, what + ": the value is unchanged");
            assertEquals(true, store.reader(f).get("after-" + key),
                    what + ": the request went on and committed");
        });
    }

    @Clause("KV-2.9")
    void kv2_9_wholeNumbersWrittenWithAFractionComeBackAsDoubles(Env env) {
        KvStore store = env.store();
        String f = env.fn("whole-doubles");
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("2.0", 2.0);
        values.put("1.0E10", 1.0E10);
        values.put("-0.0", -0.0);
        values.put("100.0f", 100.0f);
        values.put("1.0E300", 1.0E300);
        values.put("nested", Arrays.asList(2.0, Map.of("n", 1.0E10)));
        commit(store, f, kv -> {
            values.forEach(kv::set);
            kv.set("2.50 as BigDecimal", new BigDecimal("2.50"));
        });
        Map<String, Object> expected = new LinkedHashMap<>(values);
        expected.put("100.0f", 100.0);
        expected.put("nested", Arrays.asList(2.0, Map.of("n", 1.0E10)));
        expected.forEach((k, v) -> {
            Checks.assertEqualsShown(v, store.reader(f).get(k), k + " read by a reader");
            Checks.assertEqualsShown(v, store.run(f, kv -> kv.get(k)), k + " read in a request");
        });
        Checks.assertEqualsShown(new BigDecimal("2.50"), store.reader(f).get("2.50 as BigDecimal",
                BigDecimal.class), "2.50 read as BigDecimal, scale included");
        Checks.assertEqualsShown(2.5, store.reader(f).get("2.50 as BigDecimal"),
                "2.50 read as JSON");
    }

    @Clause("KV-2.10")
    void kv2_10_textIsNeverUnicodeNormalised(Env env) {
        KvStore store = env.store();
        String f = env.fn("not-normalised");
        // NFD, NFC, a character NFC replaces (U+212B), one only NFKC replaces (U+FB01), and one
        // every form changes (U+1E9B U+0323)
        List<String> texts = List.of("e\u0301", "\u00E9", "\u212B", "\uFB01", "\u1E9B\u0323",
                "Cafe\u0301 \u00E9t\u00E9");
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("e\u0301", "NFD name");
        members.put("\u00E9", "NFC name");
        commit(store, f, kv -> {
            for (int i = 0; i < texts.size(); i++) {
                kv.set("t" + i, texts.get(i));
            }
            kv.set("list", texts);
            kv.set("members", members);
        });
        for (int i = 0; i < texts.size(); i++) {
            Checks.assertEqualsShown(texts.get(i), store.reader(f).get("t" + i),
                    "string " + i + " read back");
        }
        Checks.assertEqualsShown(texts, store.reader(f).get("list"), "a list of the strings");
        Checks.assertEqualsShown(members, store.reader(f).get("members"),
                "an object with an NFD and an NFC member name");
        Checks.assertEqualsShown(texts.get(0), store.run(f, kv -> kv.get("t0")),
                "string 0 read in a request");
    }
}
