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

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.kv4j.KvOption;
import io.kv4j.KvStore;
import io.kv4j.KvStoreInfo;
import io.kv4j.KvType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.util.RawValue;

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

    /** A record of samples, written through Jackson's writer of primitive arrays. */
    record Samples(double[] values) {
    }

    /** A record of float samples. */
    record FloatSamples(float[] values) {
    }

    /** A record with a primitive double component. */
    record Reading(double value) {
    }

    /** A bean holding JSON text that the mapper copies as it is. */
    static final class RawBean {
        private final String json;

        RawBean(String json) {
            this.json = json;
        }

        @JsonRawValue
        public String getJson() {
            return json;
        }
    }

    /** A record as applications store them: an amount no double holds, a status. */
    record Invoice(String id, BigDecimal amount, long count, double rate, String status) {
    }

    /** Every java.time type, for KV-2.11. */
    record Times(Instant instant, LocalDate date, LocalTime time, LocalDateTime dateTime,
            OffsetDateTime offsetDateTime, OffsetTime offsetTime, ZonedDateTime zoned,
            ZoneId zone, ZoneOffset offset, Duration duration, Period period, Year year,
            YearMonth yearMonth, MonthDay monthDay, DayOfWeek dayOfWeek, Month month) {
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
        in.put("decimal", new BigDecimal("0.1"));
        in.put("exactDecimal", new BigDecimal("12345678901234567890.10"));
        in.put("text", "t");
        in.put("bool", true);
        in.put("list", List.of(1, 2));
        in.put("map", Map.of("a", 1));
        in.put("null", null);
        commit(store, f, kv -> kv.set("k", in));
        Map<?, ?> m = assertInstanceOf(Map.class, store.reader(f).get("k"), "an object value");
        Checks.assertEqualsShown(42L, m.get("int"), "42 reads back as Long");
        Checks.assertEqualsShown(5L, m.get("smallLong"), "5L reads back as Long, not Integer");
        Checks.assertEqualsShown(1L << 40, m.get("long"), "2^40 reads back as Long");
        Checks.assertEqualsShown(BigInteger.ONE.shiftLeft(70), m.get("big"),
                "2^70 reads back as BigInteger");
        Checks.assertEqualsShown(10L, m.get("smallBig"), "BigInteger.TEN reads back as Long");
        Checks.assertEqualsShown(1.5, m.get("double"), "1.5 reads back as Double");
        Checks.assertEqualsShown(0.25, m.get("float"), "0.25f reads back as Double");
        Checks.assertEqualsShown(0.1, m.get("decimal"),
                "BigDecimal 0.1 reads back as the Double that prints as 0.1");
        Checks.assertEqualsShown(new BigDecimal("12345678901234567890.10"), m.get("exactDecimal"),
                "12345678901234567890.10, which no double holds, reads back as BigDecimal");
        assertEquals("t", m.get("text"));
        assertEquals(Boolean.TRUE, m.get("bool"));
        assertTrue(m.containsKey("null") && m.get("null") == null, "a null member is kept");
        @SuppressWarnings("unchecked")
        List<Object> list = assertInstanceOf(List.class, m.get("list"), "an array value");
        list.add(3L);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = assertInstanceOf(Map.class, m.get("map"), "an object value");
        map.put("b", 2L);
        assertEquals(List.of(1L, 2L, 3L), list, "the returned List is mutable");
        assertEquals(Map.of("a", 1L, "b", 2L), map, "the returned Map is mutable");
        Checks.assertEqualsShown(store.reader(f).get("k"),
                store.reader(f).list("k").entries().get(0).value(), "a listed value reads as get does");
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
        assertEquals(Map.of("x", 1L, "y", 2L), store.reader(f).get("record"), "a record");
        assertEquals(Map.of("name", "bean"), store.reader(f).get("bean"), "a bean");
        assertEquals(List.of(1L, 2L), store.reader(f).get("ints"), "an int[]");
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
        assertEquals(Map.of("n", 1L), inside, "read in the same request after changing the object");
        assertEquals(Map.of("n", 1L), store.reader(f).get("k"), "read after commit");
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
        assertEquals(List.of(1L, 2L), again, "read after changing an earlier read, same request");
        @SuppressWarnings("unchecked")
        List<Object> read = (List<Object>) store.reader(f).get("k");
        read.clear();
        assertEquals(List.of(1L, 2L), store.reader(f).get("k"), "reader after changing a reader result");
        @SuppressWarnings("unchecked")
        List<Object> listed = (List<Object>) store.reader(f).list("").entries().get(0).value();
        listed.clear();
        assertEquals(List.of(1L, 2L), store.run(f, kv -> kv.get("k")), "read after changing a listed value");
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
        nullMember.put("b", 1L);
        List<Object> values = Arrays.asList(null, true, false, 0L, 42L, -17.5, "",
                "\uD83D\uDE00\uD834\uDD1E", "quote \" backslash \\ tab \t nl \n cr \r nul-free \u0001 \u001F \u2028",
                Long.MIN_VALUE, Long.MAX_VALUE, new BigInteger("18446744073709551617"),
                new BigInteger("-18446744073709551617"), List.of(),
                Arrays.asList(1L, "a", null, true, 1.5, Map.of(), List.of()), Map.of(),
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

    @Clause("KV-2.5")
    void kv2_5_nonFiniteNumbersAreRefusedInEveryJavaShape(Env env) {
        for (double n : new double[] {Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY}) {
            float nf = (float) n;
            Map<String, Object> shapes = new LinkedHashMap<>();
            shapes.put("a double[]", new double[] {1, n});
            shapes.put("a float[]", new float[] {1, nf});
            shapes.put("a Double[]", new Double[] {1.0, n});
            shapes.put("a Float[]", new Float[] {1.0f, nf});
            shapes.put("a double[][]", new double[][] {{1}, {n}});
            shapes.put("a double[] as a map member", Map.of("a", new double[] {n}));
            shapes.put("a double[] in a list", List.of(new double[] {n}));
            shapes.put("a record with a double[]", new Samples(new double[] {n}));
            shapes.put("a record with a float[]", new FloatSamples(new float[] {nf}));
            shapes.put("a record with a double", new Reading(n));
            shapes.put("an Optional", Optional.of(n));
            shapes.put("a Jackson DoubleNode", JsonNodeFactory.instance.numberNode(n));
            shapes.put("a Jackson FloatNode", JsonNodeFactory.instance.numberNode(nf));
            shapes.put("a Jackson ArrayNode", JsonNodeFactory.instance.arrayNode().add(n));
            shapes.forEach((what, value) -> refusedInRequest(env, env.fn("non-finite"),
                    IllegalArgumentException.class, n + " in " + what,
                    kv -> kv.set("k", value)));
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
        bad.put("a BigDecimal whose exponent is beyond an int",
                new BigDecimal(BigInteger.ONE, Integer.MIN_VALUE));
        bad.forEach((what, value) -> {
            String f = env.fn("not-json");
            IllegalArgumentException e = refusedInRequest(env, f, IllegalArgumentException.class,
                    what, kv -> kv.set("bad-key", value));
            assertNames(e, "bad-key", what + ": the message names the key");
            assertNames(e, f, what + ": the message names the function");
            assertNotNull(e.getCause(), what + ": the mapper's error is the cause");
        });
    }

    @Clause("KV-2.6")
    void kv2_6_rawJsonThatWouldNotReadBackIsRefused(Env env) {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("NaN", "NaN");
        bad.put("Infinity", "[1,Infinity]");
        bad.put("an opening brace alone", "{");
        bad.put("a closing brace alone", "}");
        bad.put("a trailing comma", "[1,]");
        bad.put("two values", "1 2");
        bad.put("nothing", "");
        bad.put("a member without a value", "{\"a\":}");
        bad.put("a single-quoted string", "'a'");
        bad.put("a leading zero", "01");
        bad.put("an escaped lone surrogate", "\"a\\ud800b\"");
        bad.put("a member name twice", "{\"a\":1,\"a\":2}");
        bad.put("an exponent beyond an int", "1e99999999999");
        bad.put("10,000 nested arrays", "[".repeat(10_000) + "]".repeat(10_000));
        bad.forEach((what, json) -> {
            Map<String, Object> ways = new LinkedHashMap<>();
            ways.put("RawValue", new RawValue(json));
            ways.put("@JsonRawValue", new RawBean(json));
            ways.put("RawValue in a list", Arrays.asList(1, new RawValue(json)));
            ways.forEach((how, value) -> {
                String f = env.fn("raw");
                IllegalArgumentException e = refusedInRequest(env, f,
                        IllegalArgumentException.class, what + " as " + how,
                        kv -> kv.set("raw-key", value));
                assertNames(e, "raw-key", what + " as " + how + ": the message names the key");
                assertNames(e, f, what + " as " + how + ": the message names the function");
            });
        });
    }

    @Clause("KV-2.6")
    void kv2_6_rawJsonThatIsOneValidValueIsStoredAndReadsBack(Env env) {
        KvStore store = env.store();
        String f = env.fn("raw-ok");
        commit(store, f, kv -> {
            kv.set("raw", new RawValue(" {\"a\": [1, 2.50, 1e400, \"x\", null]} "));
            kv.set("bean", new RawBean("[true,{}]"));
        });
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("a", Arrays.asList(1L, 2.5, new BigDecimal("1e400"), "x", null));
        Checks.assertEqualsShown(a, store.reader(f).get("raw"), "raw JSON read back");
        Checks.assertEqualsShown(Map.of("json", List.of(true, Map.of())), store.reader(f).get("bean"),
                "a @JsonRawValue property read back");
        Checks.assertEqualsShown(a, store.run(f, kv -> kv.get("raw")), "read in a request");
    }

    @Clause("KV-2.7")
    void kv2_7_defaultLimitAccepts16MiBAndRefusesOneByteMore(Env env) {
        KvStore store = env.store();
        String f = env.fn("limit");
        // or the backend's own maximum, when that is smaller (KV-2.12)
        int limit = Math.min(16 * 1024 * 1024, store.info().backendMaxValueBytes());
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
        assertEquals(Map.of("a", 1L), r.get("map", Map.class));
        assertEquals(List.of(1L), r.get("list", List.class));
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

    @Clause("KV-2.9")
    void kv2_9_numbersNoDoubleHoldsComeBackExactly(Env env) {
        KvStore store = env.store();
        String f = env.fn("exact-numbers");
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("1E+400", new BigDecimal("1E+400"));
        values.put("-1E+400", new BigDecimal("-1E+400"));
        values.put("1E-400", new BigDecimal("1E-400"));
        values.put("12345678901234567890.10", new BigDecimal("12345678901234567890.10"));
        values.put("0.1000000000000000055511151231257827",
                new BigDecimal("0.1000000000000000055511151231257827"));
        values.put("5E-324", new BigDecimal("5E-324"));
        commit(store, f, kv -> {
            values.forEach(kv::set);
            // as JSON text, the way the kv command and other clients write numbers
            kv.set("as text", new RawValue("[1e400,-1e400,1e-400]"));
            kv.set("a long that fits an int", 7L);
        });
        values.forEach((k, v) -> {
            Checks.assertEqualsShown(v, store.reader(f).get(k), k + " read by a reader");
            Checks.assertEqualsShown(v, store.run(f, kv -> kv.get(k)), k + " read in a request");
        });
        Checks.assertEqualsShown(List.of(new BigDecimal("1e400"), new BigDecimal("-1e400"),
                new BigDecimal("1e-400")), store.reader(f).get("as text"),
                "[1e400,-1e400,1e-400] written as JSON text");
        Checks.assertEqualsShown(7L, store.reader(f).get("a long that fits an int"),
                "7L read untyped");
        // each reads back, and writes back, unchanged
        commit(store, f, kv -> {
            for (String k : values.keySet()) {
                kv.set(k + " again", kv.get(k));
            }
        });
        values.forEach((k, v) -> Checks.assertEqualsShown(v, store.reader(f).get(k + " again"),
                k + " read untyped, written back and read again"));
    }

    @Clause("KV-2.9")
    void kv2_9_aValueReadUntypedChangedAndWrittenBackKeepsEveryNumber(Env env) {
        KvStore store = env.store();
        String f = env.fn("read-modify-write");
        Invoice open = new Invoice("i-1", new BigDecimal("12345678901234567890.10"),
                Long.MAX_VALUE, 0.1, "open");
        commit(store, f, kv -> kv.set("invoice", open));
        commit(store, f, kv -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) kv.get("invoice");
            m.put("status", "paid");
            kv.set("invoice", m);
        });
        Checks.assertEqualsShown(new Invoice("i-1", new BigDecimal("12345678901234567890.10"),
                Long.MAX_VALUE, 0.1, "paid"), store.reader(f).get("invoice", Invoice.class),
                "the invoice after its status was set through an untyped read");
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

    @Clause("KV-2.11")
    void kv2_11_everyJavaTimeValueReadsBackEqual(Env env) {
        KvStore store = env.store();
        String f = env.fn("java-time");
        List<Times> all = List.of(
                new Times(Instant.parse("2024-07-01T12:00:00.123456789Z"),
                        LocalDate.parse("2024-02-29"), LocalTime.parse("23:59:59.999999999"),
                        LocalDateTime.parse("2024-07-01T12:00"),
                        OffsetDateTime.parse("2024-07-01T12:00+05:00"),
                        OffsetTime.parse("12:00+05:30"),
                        ZonedDateTime.parse("2024-07-01T12:00-04:00[America/New_York]"),
                        ZoneId.of("Europe/Paris"), ZoneOffset.ofHoursMinutes(-3, -30),
                        Duration.ofSeconds(-1, 5), Period.of(1, 14, -3), Year.of(2024),
                        YearMonth.of(2024, 2), MonthDay.of(2, 29), DayOfWeek.SUNDAY,
                        Month.DECEMBER),
                new Times(Instant.MIN, LocalDate.MIN, LocalTime.MIDNIGHT, LocalDateTime.MAX,
                        OffsetDateTime.parse("2024-07-01T12:00:00.000000001-12:00"),
                        OffsetTime.parse("00:00Z"),
                        // the hour repeated when clocks go back: the offset tells them apart
                        ZonedDateTime.parse("2024-11-03T01:30-05:00[America/New_York]"),
                        ZoneId.of("UTC"), ZoneOffset.UTC, Duration.ofDays(400), Period.ZERO,
                        Year.of(-5), YearMonth.of(12345, 12), MonthDay.of(1, 1), DayOfWeek.MONDAY,
                        Month.JANUARY));
        commit(store, f, kv -> {
            for (int i = 0; i < all.size(); i++) {
                kv.set("times" + i, all.get(i));
            }
            kv.set("list", all);
            kv.set("zoned", all.get(0).zoned());
            kv.set("offset", all.get(0).offsetDateTime());
            kv.set("zone in UTC", ZonedDateTime.parse("2024-07-01T12:00Z[UTC]"));
        });
        for (int i = 0; i < all.size(); i++) {
            Checks.assertEqualsShown(all.get(i), store.reader(f).get("times" + i, Times.class),
                    "record " + i + " of every java.time type");
        }
        Checks.assertEqualsShown(all, store.reader(f).get("list", new KvType<List<Times>>() { }),
                "a List of them");
        Checks.assertEqualsShown(all.get(0).zoned(), store.reader(f).get("zoned",
                ZonedDateTime.class), "a ZonedDateTime keeps its zone");
        Checks.assertEqualsShown(all.get(0).offsetDateTime(), store.run(f, kv -> kv.get("offset",
                OffsetDateTime.class)), "an OffsetDateTime keeps its offset");
        Checks.assertEqualsShown(ZonedDateTime.parse("2024-07-01T12:00Z[UTC]"),
                store.reader(f).get("zone in UTC", ZonedDateTime.class),
                "a ZonedDateTime in zone UTC stays in zone UTC");
    }

    /**
     * The largest value the kit stores and reads back whole: 32 MiB, so that the run needs a
     * bounded amount of memory however large a backend's maximum is.
     */
    static final int LARGEST_VALUE_CHECKED = 32 * 1024 * 1024;

    @Clause("KV-2.12")
    void kv2_12_maxValueBytesAboveTheBackendsMaximumIsRefusedAtOpen(Env env) {
        KvStoreInfo info = env.store().info();
        int max = info.backendMaxValueBytes();
        String option = KvOption.MAX_VALUE_BYTES.name();
        if (max >= KvOption.MAX_VALUE_BYTES.max()) {
            // no setting of the option is above the backend's maximum: the largest one opens
            env.open(Map.of(option, String.valueOf(KvOption.MAX_VALUE_BYTES.max())));
            return;
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> env.open(Map.of(option, String.valueOf(max + 1))),
                option + " one above the backend's maximum of " + max);
        assertNames(e, option, "the option");
        assertNames(e, String.valueOf(max), "the backend's maximum");
        assertNames(e, String.valueOf(max + 1), "the value given");
        assertNames(e, info.scheme(), "the backend");
        env.open(Map.of(option, String.valueOf(max)));
    }

    @Clause("KV-2.12")
    void kv2_12_valuesOfTheBackendsMaximumAreStoredAndReadBack(Env env) {
        int max = env.store().info().backendMaxValueBytes();
        int size = Math.min(max, LARGEST_VALUE_CHECKED);
        KvStore store = env.open(Map.of(KvOption.MAX_VALUE_BYTES.name(),
                String.valueOf(Math.min(max, KvOption.MAX_VALUE_BYTES.max()))));
        String f = env.fn("largest");
        String text = "a".repeat(size - 2);
        commit(store, f, kv -> kv.set("text", text));
        assertEquals(text, store.reader(f).get("text"), "a string of " + size + " bytes of JSON");
        commit(store, f, kv -> kv.delete("text"));
        // [0,0,...,0] has the most elements for its size, and grows most in a binary form
        // such as PostgreSQL's jsonb: 12 bytes for each 2 of JSON
        int[] zeros = new int[(size - 1) / 2];
        if (size % 2 == 0) {
            zeros[zeros.length - 1] = 10;
        }
        commit(store, f, kv -> kv.set("zeros", zeros));
        int[] back = store.reader(f).get("zeros", int[].class);
        assertTrue(Arrays.equals(zeros, back), "an array of " + zeros.length + " zeros, "
                + size + " bytes of JSON, read back " + (back == null ? "as null"
                        : "with " + back.length + " elements"));
    }
}
