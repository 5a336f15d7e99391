package io.kv4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.KvStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShellTest {

    /** The script the README runs, at the repository root. */
    static final Path SEED = Path.of("..", "examples", "seed.kv");

    static final List<String> SEED_OUTPUT = List.of(
            "{\"bar\":\"baz\"}",
            "{\"bar\":\"qux\"}",
            "false",
            "null",
            "true",
            "null",
            "value/array [1,\"two\",[3],{\"four\":4}]",
            "value/big 123456789012345678901234567890",
            "value/empty \"\"",
            "value/false false",
            "value/int 42",
            "value/negative -17.5",
            "value/nested {\"a\":{\"b\":{\"c\":[true,null]}}}",
            "value/null null",
            "value/true true",
            "value/zero 0",
            "0",
            "1",
            "2",
            "1",
            "null",
            "\"a string value\"",
            "list/a 1",
            "list/b 2",
            "# more: --after list/b",
            "list/c 3",
            "counter 1",
            "k null",
            "list/a 1",
            "list/b 2",
            "list/c 3",
            "\"my key\" \"a string value\"",
            "value/array [1,\"two\",[3],{\"four\":4}]",
            "value/big 123456789012345678901234567890",
            "value/empty \"\"",
            "value/false false",
            "value/int 42",
            "value/negative -17.5",
            "value/nested {\"a\":{\"b\":{\"c\":[true,null]}}}",
            "value/null null",
            "value/true true",
            "value/zero 0");

    private final KvStore store = KvStore.open("kv:memory:");
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private int exitCode;

    @AfterEach
    void closeStore() {
        store.close();
    }

    private List<String> run(Shell.Mode mode, String... lines) throws IOException {
        return run(mode, String.join("\n", lines) + "\n");
    }

    private List<String> run(Shell.Mode mode, String script) throws IOException {
        Shell shell = new Shell(store, new PrintWriter(out), new PrintWriter(err));
        exitCode = shell.run(new BufferedReader(new StringReader(script)), mode);
        return Cli.lines(out.toString());
    }

    private List<String> script(String... lines) throws IOException {
        return run(Shell.Mode.SCRIPT, lines);
    }

    private List<String> errors() {
        return Cli.lines(err.toString());
    }

    @Test
    void seedScript_printsTheSeedDocumentsResultsAndSucceeds() throws IOException {
        List<String> printed = run(Shell.Mode.SCRIPT, Files.readString(SEED, StandardCharsets.UTF_8));

        assertEquals(SEED_OUTPUT, printed);
        assertEquals(List.of(), errors());
        assertEquals(0, exitCode);
    }

    @Test
    void badLine_isAnsweredWithAnErrorAndTheShellGoesOn() throws IOException {
        List<String> printed = script("use KT1", "set a 1", "gett a", "get a");

        assertEquals(List.of("1"), printed);
        assertEquals(List.of("error: line 3: unknown command 'gett'; type help for the commands"),
                errors());
    }

    @Test
    void script_withAFailedLine_exitsWithOne() throws IOException {
        script("use KT1", "gett a", "set a 1");

        assertEquals(1, exitCode);
    }

    @Test
    void script_withoutFailures_exitsWithZero() throws IOException {
        script("use KT1", "set a 1", "get a");

        assertEquals(0, exitCode);
    }

    @Test
    void badJson_isRefusedAndWritesNothing() throws IOException {
        List<String> printed = script("use KT1", "set a {bar:1}", "has a");

        assertEquals(List.of("false"), printed);
        assertTrue(errors().get(0).startsWith("error: line 2: '{bar:1}' is not JSON: "),
                errors()::toString);
    }

    @Test
    void unquotedString_errorSaysStringsAreQuoted() throws IOException {
        script("use KT1", "set name Ada");

        assertTrue(errors().get(0).endsWith("a string is written in double quotes, as in \"text\""),
                errors()::toString);
    }

    @Test
    void twoJsonValues_areRefused() throws IOException {
        script("use KT1", "set a 1 2");

        assertEquals(List.of("error: line 2: '1 2' is not one JSON value: more follows it (column 3)"),
                errors());
    }

    @Test
    void objectWithAMemberTwice_isRefused() throws IOException {
        List<String> printed = script("use KT1", "set a {\"x\":1,\"x\":2}", "has a");

        assertEquals(List.of("false"), printed);
        assertEquals(List.of("error: line 2: '{\"x\":1,\"x\":2}' is not JSON: Duplicate Object property "
                + "\"x\" (column 11)"), errors());
    }

    @Test
    void badKey_errorNamesTheKeyAndFunction() throws IOException {
        script("use KT1", "set \"\" 1");

        assertEquals(List.of("error: line 2: Invalid key '' of function 'KT1': it is empty"), errors());
    }

    @Test
    void command_withoutFunction_saysToChooseOne() throws IOException {
        script("get a");

        assertEquals(List.of("error: line 1: no function chosen; type use FUNCTION first, or start"
                + " the shell with --function"), errors());
    }

    @Test
    void getOfMissingKey_printsNull() throws IOException {
        assertEquals(List.of("null"), script("use KT1", "get nothing"));
    }

    @Test
    void setNull_makesHasTrueAndGetNull() throws IOException {
        assertEquals(List.of("true", "null"), script("use KT1", "set k null", "has k", "get k"));
    }

    @Test
    void set_commitsAsARequestOfItsOwn() throws IOException {
        script("use KT1", "set foo {\"bar\":\"baz\"}");

        assertEquals(Map.of("bar", "baz"), store.reader("KT1").get("foo"));
    }

    @Test
    void commit_makesTheTransactionsWritesVisible() throws IOException {
        List<String> printed = script("use KT1", "begin", "set a 1", "set b 2", "commit", "list");

        assertEquals(List.of("a 1", "b 2"), printed);
        assertEquals(1, store.reader("KT1").get("a"));
    }

    @Test
    void rollback_discardsTheTransactionsWrites() throws IOException {
        List<String> printed = script("use KT1", "set counter 1", "begin", "set counter 2",
                "get counter", "rollback", "get counter");

        assertEquals(List.of("2", "1"), printed);
        assertEquals(0, exitCode);
    }

    @Test
    void failedLine_insideTransaction_leavesItOpen() throws IOException {
        script("use KT1", "begin", "set \"\" 1", "set a 1", "commit");

        assertEquals(1, store.reader("KT1").get("a"));
        assertEquals(1, errors().size(), errors()::toString);
    }

    @Test
    void openTransaction_atEndOfInput_isRolledBackWithAWarning() throws IOException {
        script("use KT1", "begin", "set a 1");

        assertFalse(store.reader("KT1").has("a"));
        assertEquals(List.of("warning: the transaction of function 'KT1' was still open at the end"
                + " and was rolled back"), errors());
        assertEquals(0, exitCode);
    }

    @Test
    void commit_withoutTransaction_isAnError() throws IOException {
        script("use KT1", "commit");

        assertEquals(List.of("error: line 2: no transaction is open; begin one first"), errors());
    }

    @Test
    void use_insideTransaction_isRefused() throws IOException {
        script("use KT1", "begin", "use KT2", "rollback");

        assertEquals(List.of("error: line 3: a transaction of function 'KT1' is open; commit or"
                + " rollback before use"), errors());
    }

    @Test
    void functions_haveTheirOwnKeys() throws IOException {
        List<String> printed = script("use KT1", "set a 1", "use KT2", "get a");

        assertEquals(List.of("null"), printed);
    }

    @Test
    void quotedKey_mayHoldSpaces() throws IOException {
        List<String> printed = script("use KT1", "set \"my key\" \"a b\"", "get \"my key\"", "list");

        assertEquals(List.of("\"a b\"", "\"my key\" \"a b\""), printed);
        assertEquals("a b", store.reader("KT1").get("my key"));
    }

    @Test
    void list_pagesWithTheCursorItPrints() throws IOException {
        List<String> printed = script("use KT1", "set p/1 1", "set p/2 2", "set p/3 3", "set q 4",
                "list p/ --limit 2", "list p/ --after p/2 --limit 2");

        assertEquals(List.of("p/1 1", "p/2 2", "# more: --after p/2", "p/3 3"), printed);
    }

    @Test
    void quit_stopsReading() throws IOException {
        script("use KT1", "set a 1", "quit", "set a 2");

        assertEquals(1, store.reader("KT1").get("a"));
    }

    @Test
    void commentsAndBlankLines_areIgnored() throws IOException {
        List<String> printed = script("# a comment", "", "   ", "use KT1", "  # indented", "get a");

        assertEquals(List.of("null"), printed);
        assertEquals(0, exitCode);
    }

    @Test
    void help_listsTheCommands() throws IOException {
        String printed = String.join("\n", script("help"));

        for (String command : List.of("use FUNCTION", "get KEY", "set KEY JSON", "delete KEY",
                "has KEY", "list [PREFIX]", "begin", "commit", "rollback", "quit")) {
            assertTrue(printed.contains(command), command);
        }
    }

    @Test
    void interactive_promptShowsFunctionAndOpenTransaction() throws IOException {
        run(Shell.Mode.INTERACTIVE, "use KT1", "begin", "rollback");

        assertEquals("kv shell on kv:memory:; type help for the commands\n"
                + "kv> kv KT1> kv KT1 (tx)> kv KT1> \n", out.toString().replace("\r\n", "\n"));
    }

    @Test
    void interactive_errorsDoNotChangeTheExitCode() throws IOException {
        run(Shell.Mode.INTERACTIVE, "gett");

        assertEquals(List.of("error: unknown command 'gett'; type help for the commands"), errors());
        assertEquals(0, exitCode);
    }

    @Test
    void echo_printsEachCommandAfterAPrompt() throws IOException {
        List<String> printed = run(Shell.Mode.ECHO, "# counter", "use KT1", "get a");

        assertEquals(List.of("# counter", "kv> use KT1", "kv KT1> get a", "null"), printed);
    }
}
