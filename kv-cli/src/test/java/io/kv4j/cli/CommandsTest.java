package io.kv4j.cli;

import static io.kv4j.cli.Cli.kv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.KvStore;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * kv ping, count, get of several keys, delete of several keys or a prefix, drop's question, sum,
 * versions and checks, range listings.
 */
class CommandsTest {

    /** A named memory store that outlives each command, because this test holds it open. */
    private final String url = "kv:memory:commands-test-" + UUID.randomUUID();
    private final KvStore store = KvStore.open(url);

    @AfterEach
    void closeStore() {
        store.close();
    }

    private Cli kvOn(String command, String... args) {
        List<String> line = new ArrayList<>(List.of(command, "--url", url, "--function", "KT1"));
        line.addAll(List.of(args));
        return kv(line.toArray(String[]::new));
    }

    private void put(String... keys) {
        store.run("KT1", kv -> {
            for (String key : keys) {
                kv.set(key, key.length());
            }
            return null;
        });
    }

    @Test
    void ping_saysTheStoreIsUp() {
        Cli result = kv("ping", "--url", url);

        assertEquals(0, result.exitCode, result::toString);
        assertEquals(List.of("up " + url), result.outLines());
    }

    @Test
    void check_isPingByAnotherName() {
        assertEquals(0, kv("check", "--url", url).exitCode);
    }

    @Test
    void ping_ofAStoreThatCannotBeReached_isAnError() {
        Cli result = kv("ping", "--url", "kv:postgresql://localhost:1/db?connect-timeout-ms=1000");

        assertEquals(1, result.exitCode, result::toString);
        assertEquals("", result.out);
    }

    @Test
    void count_printsHowManyEntriesAFunctionHolds() {
        put("a/1", "a/2", "b/1");

        assertEquals(List.of("3"), kvOn("count").outLines());
        assertEquals(List.of("2"), kvOn("count", "a/").outLines());
        assertEquals(List.of("0"), kvOn("count", "c/").outLines());
    }

    @Test
    void count_goesBeyondAPage() {
        String[] keys = new String[1500];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = String.format("k%04d", i);
        }
        put(keys);

        assertEquals(List.of("1500"), kvOn("count").outLines());
    }

    @Test
    void get_ofSeveralKeys_printsALineForEachInOrder() {
        put("a", "bb");

        Cli result = kvOn("get", "bb", "missing", "a");

        assertEquals(List.of("2", "", "1"), result.outLines(), result::toString);
        assertEquals(3, result.exitCode, "a key is missing");
    }

    @Test
    void get_ofSeveralKeys_asJson_marksAMissingKeyByNoValue() {
        put("a");

        Cli result = kvOn("get", "--format", "json", "a", "missing");

        assertEquals(List.of("{\"key\":\"a\",\"value\":1}", "{\"key\":\"missing\"}"),
                result.outLines(), result::toString);
    }

    @Test
    void get_ofSeveralKeysThatAllExist_exitsWithZero() {
        put("a", "bb");

        assertEquals(0, kvOn("get", "a", "bb").exitCode);
    }

    @Test
    void delete_ofSeveralKeys_deletesEach() {
        put("a", "b", "c");

        Cli result = kvOn("delete", "a", "c", "missing");

        assertEquals(0, result.exitCode, result::toString);
        assertEquals(List.of("b"), store.reader("KT1").list("").keys());
    }

    @Test
    void deletePrefix_deletesEveryKeyUnderItAndSaysHowMany() {
        put("user/1", "user/2", "users", "other");

        Cli result = kvOn("delete", "--prefix", "user/");

        assertEquals(0, result.exitCode, result::toString);
        assertEquals(List.of("other", "users"), store.reader("KT1").list("").keys());
        assertEquals(List.of("deleted 2 keys of function KT1 starting with user/"),
                result.errLines().stream().filter(l -> !l.startsWith("warning: ")).toList());
    }

    @Test
    void deletePrefix_ofOneKey_saysKeyInTheSingular() {
        put("user/1", "other");

        Cli result = kvOn("delete", "--prefix", "user/");

        assertTrue(result.err.contains("deleted 1 key of function"), result::toString);
    }

    @Test
    void deletePrefix_empty_isRefusedAndPointsToDrop() {
        put("a");

        Cli result = kvOn("delete", "--prefix", "");

        assertEquals(2, result.exitCode);
        assertTrue(result.err.contains("drop deletes every key"), result::toString);
        assertTrue(store.reader("KT1").has("a"));
    }

    @Test
    void delete_withKeysAndAPrefix_isBadUsage() {
        assertEquals(2, kvOn("delete", "a", "--prefix", "b").exitCode);
        assertEquals(2, kvOn("delete").exitCode);
    }

    @Test
    void drop_asksWithTheNumberOfKeysItWillDelete() {
        put("a", "b", "c");

        Cli result = kv(Cli.Setup.pipe().input("n\n").atTerminal(prompt -> null), "drop",
                "--url", url, "--function", "KT1");

        assertTrue(result.err.contains("Delete all 3 keys of function KT1 on " + url
                + "? [y/N] "), result::toString);
        assertEquals(1, result.exitCode);
        assertEquals(3, store.reader("KT1").list("").keys().size());
    }

    @Test
    void drop_confirmed_deletesAndSaysHowMany() {
        put("a");

        Cli result = kv(Cli.Setup.pipe().input("y\n").atTerminal(prompt -> null), "drop",
                "--url", url, "--function", "KT1");

        assertEquals(0, result.exitCode, result::toString);
        assertTrue(result.err.contains("Delete the 1 key of function KT1"), result::toString);
        assertTrue(result.err.contains("deleted 1 key of function KT1"), result::toString);
        assertFalse(store.reader("KT1").has("a"));
    }

    @Test
    void sum_addsWithoutWrapping_andPrintsTheNewValue() {
        assertEquals(List.of("5"), kvOn("sum", "n", "5").outLines());
        assertEquals(List.of("9223372036854775812"), kvOn("sum", "n", "9223372036854775807")
                .outLines());
        assertEquals(List.of("{\"key\":\"n\",\"value\":3}"), kvOn("sum", "n", "3", "--min",
                "--format", "json").outLines());
        assertEquals(List.of("7"), kvOn("sum", "n", "7", "--max").outLines());
        assertEquals(2, kvOn("sum", "n", "1.5").exitCode, "not an integer");
    }

    @Test
    void sum_ofAValueThatIsNoInteger_failsNamingTheKey() {
        store.run("KT1", kv -> {
            kv.set("s", "text");
            return null;
        });

        Cli result = kvOn("sum", "s", "1");

        assertEquals(1, result.exitCode, result::toString);
        assertTrue(result.err.contains("'s'") || result.err.contains("\"s\""), result::toString);
        assertEquals("text", store.reader("KT1").get("s"));
    }

    @Test
    void getWithVersion_printsTheVersionstamp_andSetIfVersionChecksIt() {
        put("a");
        String stamp = store.reader("KT1").getEntry("a").versionstamp();

        assertEquals(List.of(stamp + " 1"), kvOn("get", "a", "--with-version").outLines());
        assertEquals(List.of("{\"key\":\"a\",\"versionstamp\":\"" + stamp + "\",\"value\":1}"),
                kvOn("get", "a", "--with-version", "--format", "json").outLines());
        assertEquals(0, kvOn("set", "a", "2", "--if-version", stamp).exitCode);
        Cli stale = kvOn("set", "a", "3", "--if-version", stamp);
        assertEquals(1, stale.exitCode, stale::toString);
        assertEquals(2L, store.reader("KT1").get("a"));
        assertEquals(0, kvOn("set", "b", "1", "--if-version", "none").exitCode);
        assertEquals(1, kvOn("set", "b", "1", "--if-version", "none").exitCode);
    }

    @Test
    void listRange_byStartEndAndReverse_withItsCursor() {
        put("a", "b", "c", "d", "e");

        assertEquals(List.of("b 1", "c 1"), kvOn("list", "--start", "b", "--end", "d").outLines());
        assertEquals(List.of("e 1", "d 1", "# more: --after d"), kvOn("list", "--reverse",
                "--limit", "2").outLines());
        assertEquals(List.of("c 1", "b 1"), kvOn("list", "--reverse", "--limit", "2", "--after",
                "d", "--start", "b").outLines());
        assertEquals(List.of("{\"key\":\"a\",\"value\":1}"), kvOn("list", "--end", "b",
                "--format", "json").outLines());
    }
}
