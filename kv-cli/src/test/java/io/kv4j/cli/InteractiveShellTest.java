package io.kv4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.KvStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell as a person uses it: through JLine's line editor, on a terminal. */
class InteractiveShellTest {

    private final KvStore store = KvStore.open("kv:memory:");
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final Shell shell = new Shell(store, new Io(null, new PrintWriter(out),
            new PrintWriter(err), true, true), Shell.Mode.INTERACTIVE);

    @TempDir
    Path home;

    @AfterEach
    void closeStore() {
        store.close();
    }

    private int type(String... lines) throws IOException {
        byte[] typed = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        try (Terminal terminal = TerminalBuilder.builder().system(false).type("xterm")
                .streams(new ByteArrayInputStream(typed), screen).build()) {
            return shell.run(Lines.of(ShellCommand.editor(terminal, shell,
                    home.resolve(ShellCommand.HISTORY))));
        }
    }

    private String screen() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    @Test
    void promptShowsTheFunctionAndTheTransaction() throws IOException {
        type("use KT1", "begin", "rollback");

        assertTrue(screen().contains("kv> "), screen());
        assertTrue(screen().contains("kv KT1> "), screen());
        assertTrue(screen().contains("kv KT1 (tx)> "), screen());
    }

    @Test
    void errorInATransaction_showsItAbortedUntilRolledBack() throws IOException {
        int code = type("use KT1", "begin", "set a 1", "gett", "set b 1", "rollback", "set c 1");

        assertTrue(screen().contains("kv KT1 (tx aborted)> "), screen());
        assertEquals(List.of(
                "error: unknown command gett; did you mean get, set or delete?",
                "Type help for the commands.",
                "error: the transaction of function KT1 is aborted: nothing of it will be"
                        + " committed, and lines up to commit or rollback are refused",
                "error: refused: the transaction was aborted; type rollback to end it"),
                Cli.lines(err.toString()));
        assertFalse(store.reader("KT1").has("a"));
        assertTrue(store.reader("KT1").has("c"));
        assertEquals(0, code, "a person's typing errors do not make an exit code");
    }

    @Test
    void getOfAMissingKey_atThePrompt_saysItIsMissing() throws IOException {
        type("use KT1", "set a null", "get a", "get nothing", "get a nothing");

        assertEquals(List.of("kv shell on kv:memory:; type help for the commands", "null",
                GetCommand.MISSING, "null", GetCommand.MISSING), Cli.lines(out.toString()));
    }

    @Test
    void typedLines_areKeptInTheHistoryFile() throws IOException {
        type("use KT1", "set a \"x!\"", "get a");

        assertEquals(List.of("kv shell on kv:memory:; type help for the commands", "\"x!\""),
                Cli.lines(out.toString()), "'!' is text, not history");
        assertEquals(List.of("use KT1", "set a \"x!\"", "get a"), Files.readAllLines(
                home.resolve(ShellCommand.HISTORY)).stream()
                .map(line -> line.substring(line.indexOf(':') + 1)).toList());
    }

    @Test
    void tab_completesAKeyOnTheLine() throws IOException {
        store.run("KT1", kv -> {
            kv.set("user/1", "one");
            return null;
        });

        type("use KT1", "get us\t");

        assertEquals(List.of("kv shell on kv:memory:; type help for the commands", "\"one\""),
                Cli.lines(out.toString()), screen());
    }

    @Test
    void parser_givesTheWordBeingCompleted() {
        Completion completion = new Completion(shell);

        assertEquals(List.of("li"), completion.parse("li", 2, null).words());
        assertEquals(List.of("get", ""), completion.parse("get ", 4, null).words());
        assertEquals("\"my k", completion.parse("get \"my k", 9, null).word());
    }

    @Test
    void completion_offersCommandsOptionsFunctionsAndKeys() {
        store.run("KT1", kv -> {
            kv.set("user/1", 1);
            kv.set("user 2", 2);
            kv.set("other", 3);
            return null;
        });
        shell.use("KT1");
        Completion completion = new Completion(shell);

        assertTrue(completion.candidates(List.of("ge"), 0).contains("get"));
        assertTrue(completion.candidates(List.of("list", "--a"), 1).containsAll(
                List.of("--all", "--after")));
        assertEquals(List.of("KT1"), completion.candidates(List.of("use", ""), 1));
        assertEquals(List.of("\"user 2\"", "user/1"), completion.candidates(
                List.of("get", "user"), 1));
        assertEquals(List.of("\"user 2\""), completion.candidates(List.of("get", "\"user "), 1));
        assertEquals(List.of(), completion.candidates(List.of("set", "other", ""), 2),
                "a value is not a key");
    }
}
