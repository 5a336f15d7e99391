package io.kv4j.cli;

import static io.kv4j.cli.Cli.kv;
import static io.kv4j.cli.Cli.kvWithInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.KvStore;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-shot commands: kv get, set, delete, has, list, functions, drop. */
class MainTest {

    /** A named memory store that outlives each command, because this test holds it open. */
    private final String url = "kv:memory:main-test-" + UUID.randomUUID();
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

    private void put(String key, Object value) {
        store.run("KT1", kv -> {
            kv.set(key, value);
            return null;
        });
    }

    @Test
    void set_writesTheJsonValue() {
        Cli result = kvOn("set", "foo", "{\"bar\":\"baz\"}");

        assertEquals(0, result.exitCode, result::toString);
        assertEquals(Map.of("bar", "baz"), store.reader("KT1").get("foo"));
    }

    @Test
    void set_onAStoreOfThisProcessOnly_warnsThatItIsGoneWhenTheProcessEnds() {
        Cli result = kvOn("set", "foo", "1");

        assertEquals(List.of("warning: " + url + " is not shared with other processes: what set"
                + " writes is gone when this process ends"), result.errLines());
    }

    @Test
    void set_onAPrivateMemoryStore_isRefusedAndSaysHowToNameAShared() {
        Cli result = kv("set", "--url", "kv:memory:", "--function", "KT1", "foo", "1");

        assertEquals(2, result.exitCode);
        assertTrue(result.err.startsWith("error: kv:memory: is private to this command: what set"
                + " writes would be lost when it ends; name a store that outlives it with --url"
                + " or KV_URL"), result::toString);
    }

    @Test
    void get_onAPrivateMemoryStore_warnsThatItStartsEmpty() {
        Cli result = kv("get", "--url", "kv:memory:", "--function", "KT1", "foo");

        assertEquals(3, result.exitCode);
        assertTrue(result.err.startsWith("warning: kv:memory: is private to this command and"
                + " starts empty"), result::toString);
    }

    @Test
    void get_printsCompactJson() {
        put("foo", Map.of("bar", List.of(1, 2)));

        Cli result = kvOn("get", "foo");

        assertEquals(List.of("{\"bar\":[1,2]}"), result.outLines(), result::toString);
        assertEquals(0, result.exitCode);
    }

    @Test
    void get_keepsNumbersAsWritten() {
        kvOn("set", "n", "[2.0, 1.0E10, 0.10000000000000000000001, 1e400, -0]");

        assertEquals(List.of("[2.0,1.0E10,0.10000000000000000000001,1e400,-0]"),
                kvOn("get", "n").outLines());
    }

    @Test
    void set_numbersReadBackInJavaAsTheyWereWritten() {
        kvOn("set", "n", "[1e400, -1e400, 1e-400, 12345678901234567890.10, 0.1, 7]");

        assertEquals(List.of(new BigDecimal("1e400"), new BigDecimal("-1e400"),
                new BigDecimal("1e-400"), new BigDecimal("12345678901234567890.10"), 0.1, 7L),
                store.reader("KT1").get("n"));
    }

    @Test
    void get_missingKey_printsNothingAndExitsWithThree() {
        Cli result = kvOn("get", "nothing");

        assertEquals("", result.out);
        assertEquals(3, result.exitCode);
    }

    @Test
    void get_storedNull_printsNullAndExitsWithZero() {
        put("k", null);

        Cli result = kvOn("get", "k");

        assertEquals(List.of("null"), result.outLines());
        assertEquals(0, result.exitCode);
    }

    @Test
    void get_asJson_printsKeyAndValue() {
        put("k", List.of("a b"));

        assertEquals(List.of("{\"key\":\"k\",\"value\":[\"a b\"]}"),
                kvOn("get", "k", "--format", "json").outLines());
    }

    @Test
    void has_printsTrueOrFalseAndExitsWithThreeWhenMissing() {
        kvOn("set", "k", "null");

        Cli has = kvOn("has", "k");
        Cli hasNot = kvOn("has", "nothing");

        assertEquals(List.of("true"), has.outLines());
        assertEquals(0, has.exitCode);
        assertEquals(List.of("false"), hasNot.outLines());
        assertEquals(3, hasNot.exitCode);
    }

    @Test
    void delete_removesTheKey() {
        put("foo", 1);

        Cli result = kvOn("delete", "foo");

        assertEquals(0, result.exitCode, result::toString);
        assertFalse(store.reader("KT1").has("foo"));
    }

    @Test
    void oneShotKey_inDoubleQuotes_isAJsonStringAsInTheShell() {
        kvOn("set", "\"my key\"", "1");
        kvOn("set", "@at", "2");

        assertEquals(1L, store.reader("KT1").get("my key"));
        assertEquals(2L, store.reader("KT1").get("@at"));
    }

    @Test
    void set_fromAFile_readsTheValue(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("value.json");
        Files.writeString(file, "{\"text\": \"" + "x".repeat(200_000) + "\"}\n");

        Cli result = kvOn("set", "big", "--value-file", file.toString());

        assertEquals(0, result.exitCode, result::toString);
        assertEquals(Map.of("text", "x".repeat(200_000)), store.reader("KT1").get("big"));
    }

    @Test
    void set_fromStandardInput_readsTheValue() {
        Cli result = kvWithInput("[1, 2]", "set", "--url", url, "-f", "KT1", "k",
                "--value-file", "-");

        assertEquals(0, result.exitCode, result::toString);
        assertEquals(List.of(1L, 2L), store.reader("KT1").get("k"));
    }

    @Test
    void set_tooBigAValue_isRefusedWithTheStoresOwnMessage() {
        byte[] value = ("\"" + "x".repeat(20 * 1024 * 1024) + "\"").getBytes(StandardCharsets.UTF_8);

        Cli result = kvWithInput(value, "set", "--url", url, "-f", "KT1", "k", "--value-file", "-");

        assertEquals(1, result.exitCode);
        assertTrue(result.err.contains("error: The value for key 'k' of function 'KT1' is 20971522"
                + " bytes of JSON, over the limit of 16777216 bytes (option max-value-bytes)"),
                result::toString);
    }

    @Test
    void set_fromAnEndlessFile_isRefusedAtTheCapNotWithAFullHeap() {
        Cli result = kvOn("set", "k", "--value-file", "/dev/zero");

        assertEquals(1, result.exitCode, result::toString);
        assertTrue(result.err.contains("error: the value in /dev/zero is longer than 256 MiB,"
                + " more than kv reads as one value"), result::toString);
        assertFalse(store.reader("KT1").has("k"));
    }

    @Test
    void set_withBothAValueAndAFile_isBadUsage() {
        assertEquals(2, kvOn("set", "k", "1", "--value-file", "-").exitCode);
        assertEquals(2, kvOn("set", "k").exitCode);
    }

    @Test
    void list_printsEntriesAndTheNextCursor() {
        put("a/1", 1);
        put("a/2", 2);
        put("a/3", 3);

        Cli first = kvOn("list", "a/", "--limit", "2");
        Cli next = kvOn("list", "a/", "--after", "a/2");

        assertEquals(List.of("a/1 1", "a/2 2", "# more: --after a/2"), first.outLines());
        assertEquals(List.of("a/3 3"), next.outLines());
    }

    @Test
    void list_asJson_printsOneObjectPerLineAndTheCursorOnStandardError() {
        put("a", 1);
        put("b c", Map.of("d", true));

        Cli result = kvOn("list", "--format", "json", "--limit", "1");
        Cli all = kvOn("list", "--format", "json");

        assertEquals(List.of("{\"key\":\"a\",\"value\":1}"), result.outLines());
        assertTrue(result.errLines().contains("# more: --after a"), result::toString);
        assertEquals(List.of("{\"key\":\"a\",\"value\":1}",
                "{\"key\":\"b c\",\"value\":{\"d\":true}}"), all.outLines());
    }

    @Test
    void listAll_pagesThroughEveryEntry() {
        store.run("KT1", kv -> {
            for (int i = 0; i < 2500; i++) {
                kv.set(String.format("k%05d", i), i);
            }
            return null;
        });

        Cli result = kvOn("list", "--all");

        assertEquals(2500, result.outLines().size(), result::toString);
        assertEquals("k02499 2499", result.outLines().get(2499));
    }

    @Test
    void list_limitOutOfRangeOrNotANumber_isBadUsage() {
        assertEquals(2, kvOn("list", "--limit", "0").exitCode);
        assertEquals(2, kvOn("list", "--limit", "1001").exitCode);
        assertEquals(2, kvOn("list", "--limit", "abc").exitCode);
        assertEquals(2, kvOn("list", "--all", "--limit", "5").exitCode);
    }

    @Test
    void functions_listsTheFunctionsThatHoldData() {
        store.run("b", kv -> {
            kv.set("k", 1);
            return null;
        });
        store.run("a b", kv -> {
            kv.set("k", 1);
            return null;
        });

        assertEquals(List.of("\"a b\"", "b"), kv("functions", "--url", url).outLines());
        assertEquals(List.of("{\"function\":\"a b\"}", "{\"function\":\"b\"}"),
                kv("functions", "--url", url, "--format", "json").outLines());
    }

    @Test
    void drop_withYes_deletesEveryKeyOfTheFunction() {
        put("a", 1);
        put("b", 2);

        Cli result = kv("drop", "--url", url, "--function", "KT1", "--yes");

        assertEquals(0, result.exitCode, result::toString);
        assertTrue(result.errLines().contains("deleted 2 keys of function KT1"), result::toString);
        assertEquals(List.of(), store.functions());
    }

    @Test
    void drop_withoutYes_whenNobodyCanConfirm_deletesNothing() {
        put("a", 1);

        Cli result = kv("drop", "--url", url, "--function", "KT1");

        assertEquals(2, result.exitCode);
        assertTrue(result.err.contains("pass --yes"), result::toString);
        assertTrue(store.reader("KT1").has("a"));
    }

    @Test
    void failedOperation_exitsWithOneAndAnError() {
        Cli result = kvOn("set", "", "1");

        assertEquals(1, result.exitCode);
        assertEquals("error: Invalid key '' of function 'KT1': it is empty",
                result.errLines().get(result.errLines().size() - 1));
    }

    @Test
    void badJson_isBadUsage() {
        Cli result = kvOn("set", "foo", "{bar");

        assertEquals(2, result.exitCode);
        assertEquals("error: '{bar' is not JSON: expected a property name in double quotes but"
                + " found b (column 2)", result.errLines().get(0));
        assertFalse(store.reader("KT1").has("foo"));
    }

    @Test
    void missingFunction_isBadUsage() {
        Cli result = kv("get", "--url", url, "foo");

        assertEquals(2, result.exitCode);
        assertEquals("error: missing --function FUNCTION", result.errLines().get(0));
    }

    @Test
    void unknownCommand_isBadUsage() {
        assertEquals(2, kv("gett", "foo").exitCode);
    }

    @Test
    void anOptionOfTheCommandsBeforeTheCommand_isBadUsageThatSaysWhereItGoes() {
        Cli result = kv("--url", url, "get", "--function", "KT1", "foo");

        assertEquals(2, result.exitCode);
        assertTrue(result.err.contains("note: --url is an option of the commands: write it after"
                + " one, as in kv get --url ..."), result::toString);
    }

    @Test
    void noCommand_isBadUsage() {
        Cli result = kv();

        assertEquals(2, result.exitCode);
        assertTrue(result.err.startsWith("error: a command is missing"), result::toString);
    }

    @Test
    void url_defaultsToTheSystemProperty() {
        String before = System.setProperty(KvStore.URL_PROPERTY, url);
        try {
            kv("set", "--function", "KT1", "foo", "1");
        } finally {
            if (before == null) {
                System.clearProperty(KvStore.URL_PROPERTY);
            } else {
                System.setProperty(KvStore.URL_PROPERTY, before);
            }
        }
        assertEquals(1L, store.reader("KT1").get("foo"));
    }

    @Test
    void badUrl_errorNeverShowsThePassword() {
        Cli result = kv("get", "--url", "kv:nowhere://ada:hunter2@db/kv?password=hunter3",
                "--function", "KT1", "foo");

        assertEquals(1, result.exitCode);
        assertTrue(result.err.startsWith("error: "), result::toString);
        assertFalse(result.err.contains("hunter"), result::toString);
    }

    @Test
    void version_printsTheProjectVersion() {
        Cli result = kv("--version");

        assertEquals(0, result.exitCode);
        assertTrue(result.out.matches("(?s)kv \\d+\\.\\d+\\.\\d+.*"), result::toString);
    }

    @Test
    void shell_runsTheSeedScriptFromAFile() {
        Cli result = kv("shell", ShellTest.SEED.toString());

        assertEquals(ShellTest.SEED_OUTPUT, result.outLines(), result::toString);
        assertEquals(0, result.exitCode);
    }

    @Test
    void shell_runsTheSeedScriptFromStandardInput() throws IOException {
        Cli result = kvWithInput(Files.readString(ShellTest.SEED, StandardCharsets.UTF_8), "shell");

        assertEquals(ShellTest.SEED_OUTPUT, result.outLines(), result::toString);
        assertEquals(0, result.exitCode);
    }

    @Test
    void shell_startsWithTheFunctionGiven() {
        put("a", 1);

        Cli result = kvWithInput("get a\n", "shell", "--url", url, "--function", "KT1");

        assertEquals(List.of("1"), result.outLines(), result::toString);
    }

    @Test
    void shell_withAFailedLine_exitsWithOne() {
        assertEquals(1, kvWithInput("use KT1\nnope\n", "shell").exitCode);
    }

    @Test
    void shell_missingFile_isAnError() {
        Cli result = kv("shell", "no-such-script.kv");

        assertEquals(1, result.exitCode);
        assertEquals(List.of("error: no such file: no-such-script.kv"), result.errLines());
    }
}
