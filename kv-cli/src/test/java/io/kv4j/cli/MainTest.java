package io.kv4j.cli;

import static io.kv4j.cli.Cli.kv;
import static io.kv4j.cli.Cli.kvWithInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.KvStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MainTest {

    /** A named memory store that outlives each command, because this test holds it open. */
    private final String url = "kv:memory:main-test-" + UUID.randomUUID();
    private final KvStore store = KvStore.open(url);

    @AfterEach
    void closeStore() {
        store.close();
    }

    private Cli kvOn(String command, String... args) {
        String[] line = new String[args.length + 5];
        line[0] = command;
        line[1] = "--url";
        line[2] = url;
        line[3] = "--function";
        line[4] = "KT1";
        System.arraycopy(args, 0, line, 5, args.length);
        return kv(line);
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
    void get_printsCompactJson() {
        put("foo", Map.of("bar", List.of(1, 2)));

        Cli result = kvOn("get", "foo");

        assertEquals(List.of("{\"bar\":[1,2]}"), result.outLines(), result::toString);
        assertEquals(0, result.exitCode);
    }

    @Test
    void get_missingKey_printsNull() {
        assertEquals(List.of("null"), kvOn("get", "nothing").outLines());
    }

    @Test
    void setNull_thenHas_printsTrue() {
        kvOn("set", "k", "null");

        assertEquals(List.of("true"), kvOn("has", "k").outLines());
    }

    @Test
    void delete_removesTheKey() {
        put("foo", 1);

        Cli result = kvOn("delete", "foo");

        assertEquals(0, result.exitCode, result::toString);
        assertFalse(store.reader("KT1").has("foo"));
    }

    @Test
    void oneShotKey_isTakenAsItIs() {
        kvOn("set", "my key", "1");

        assertEquals(1, store.reader("KT1").get("my key"));
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
    void failedOperation_exitsWithOneAndAnError() {
        Cli result = kvOn("set", "", "1");

        assertEquals(1, result.exitCode);
        assertEquals(List.of("error: Invalid key '' of function 'KT1': it is empty"), result.errLines());
    }

    @Test
    void badJson_isBadUsage() {
        Cli result = kvOn("set", "foo", "{bar");

        assertEquals(2, result.exitCode);
        assertTrue(result.err.startsWith("error: Invalid value for positional parameter at index 1"
                + " (JSON): '{bar' is not JSON"), result::toString);
        assertFalse(store.reader("KT1").has("foo"));
    }

    @Test
    void missingFunction_isBadUsage() {
        Cli result = kv("get", "--url", url, "foo");

        assertEquals(2, result.exitCode);
        assertEquals("error: Missing required option: '--function=FUNCTION'", result.errLines().get(0));
    }

    @Test
    void unknownCommand_isBadUsage() {
        assertEquals(2, kv("gett", "foo").exitCode);
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
        assertEquals(1, store.reader("KT1").get("foo"));
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
    void help_listsTheCommands() {
        Cli result = kv("--help");

        assertEquals(0, result.exitCode);
        for (String command : List.of("shell", "get", "set", "delete", "has", "list", "help")) {
            assertTrue(result.out.contains("\n  " + command + " "), command);
        }
    }

    @Test
    void shellHelp_listsTheShellsCommandsAndOptions() {
        Cli result = kv("shell", "--help");

        assertEquals(0, result.exitCode);
        for (String text : List.of("[FILE]", "--url", "--function", "set KEY JSON", "begin")) {
            assertTrue(result.out.contains(text), text);
        }
    }

    @Test
    void helpCommand_showsACommandsHelp() {
        Cli result = kv("help", "list");

        assertTrue(result.out.contains("--after=CURSOR"), result::toString);
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
