package io.kv4j.tck;

import static io.kv4j.tck.Checks.commit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.Kv;
import io.kv4j.KvReader;
import io.kv4j.KvStore;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

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
            assertEquals("f", store.reader(f).get("k"), "key of " + f + " after " + g + " set it");
            commit(store, g, kv -> kv.delete("k"));
            assertEquals("f", store.reader(f).get("k"), "key of " + f + " after " + g + " deleted it");
            assertFalse(store.reader(g).has("k"), "key of " + g + " after its delete");
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

    @Clause("KV-4.3")
    void kv4_3_aReaderOffersNoWayToWrite(Env env) {
        Set<String> names = new TreeSet<>();
        for (Method m : KvReader.class.getMethods()) {
            names.add(m.getName());
        }
        assertEquals(Set.of("function", "get", "has", "list"), names,
                "the methods KvReader declares: none writes or yields a writer");
        Object reader = env.store().reader(env.fn("reader"));
        assertFalse(reader instanceof Kv, "store.reader(f) must not be a Kv: " + reader.getClass());
        for (Method m : reader.getClass().getMethods()) {
            assertTrue(m.getDeclaringClass() == Object.class || !Set.of("set", "delete", "call",
                    "commit", "begin").contains(m.getName()),
                    "the reader's class offers a public " + m.getName() + "()");
        }
    }
}
