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

    static final List<String> VALUES = List.of(
            "value/array [1,\"two\",[3],{\"four\":4}]",
            "value/big 123456789012345678901234567890",
            "value/empty \"\"",
            "value/exponent 1.0E10",
            "value/false false",
            "value/float 2.0",
            "value/int 42",
            "value/negative -17.5",
            "value/nested {\"a\":{\"b\":{\"c\":[true,null]}}}",
            "value/null null",
            "value/true true",
            "value/zero 0");

    static final List<String> SEED_OUTPUT = java.util.stream.Stream.of(
            List.of("{\"bar\":\"baz\"}", "{\"bar\":\"qux\"}", "false", "true", "null"),
            VALUES,
            List.of("0", "1", "2", "1", "\"a string value\"",
                    "list/a 1", "list/b 2", "# more: --after list/b", "list/c 3",
                    "counter 1", "k null", "list/a 1", "list/b 2", "list/c 3",
                    "\"my key\" \"a string value\""),
            VALUES).flatMap(List::stream).toList();

    private final KvStore store = KvStore.open("kv:memory:");
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private int exitCode;

    @AfterEach
    void closeStore() {
        store.close();
    }

    private List<String> run(Shell.Mode mode, String script) throws IOException {
        Shell shell = new Shell(store, new Io(null, new PrintWriter(out), new PrintWriter(err)),
                mode);
        exitCode = shell.run(Lines.of(new BufferedReader(new StringReader(script))));
        return Cli.lines(out.toString());
    }

    private List<String> script(String... lines) throws IOException {
        return run(Shell.Mode.SCRIPT, String.join("\n", lines) + "\n");
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
        assertEquals(List.of("error: line 3: unknown command gett; did you mean get, set or"
                + " delete?", "Type help for the commands."), errors());
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
    void getOfAMissingKey_printsNothingAndIsNoFailure() throws IOException {
        assertEquals(List.of(), script("use KT1", "get nothing"));
        assertEquals(0, exitCode);
    }

    @Test
    void badJson_isRefusedAndWritesNothing() throws IOException {
        List<String> printed = script("use KT1", "set a {bar:1}", "has a");

        assertEquals(List.of("false"), printed);
        assertEquals("error: line 2: '{bar:1}' is not JSON: expected a property name in double"
                + " quotes but found b (column 2)", errors().get(0));
    }

    @Test
    void unquotedString_errorSaysStringsAreQuoted() throws IOException {
        script("use KT1", "set name Ada");

        assertTrue(errors().get(0).endsWith("a string is written in double quotes, as in \"text\""),
                errors()::toString);
    }

    @Test
    void jsonWithSpaces_isOneValue() throws IOException {
        List<String> printed = script("use KT1", "set a {\"x\": [1, 2.50, \"y z\"]}", "get a");

        assertEquals(List.of("{\"x\":[1,2.50,\"y z\"]}"), printed);
    }

    @Test
    void objectWithAMemberTwice_isRefused() throws IOException {
        List<String> printed = script("use KT1", "set a {\"x\":1,\"x\":2}", "has a");

        assertEquals(List.of("false"), printed);
        assertTrue(errors().get(0).contains("property \"x\" is given twice"), errors()::toString);
    }

    @Test
    void badKey_errorNamesTheKeyAndFunction() throws IOException {
        script("use KT1", "set \"\" 1");

        assertEquals(List.of("error: line 2: Invalid key '' of function 'KT1': it is empty"), errors());
    }

    @Test
    void command_withoutFunction_saysToChooseOne() throws IOException {
        script("get a");

        assertEquals(List.of("error: line 1: no function chosen; type use FUNCTION first, or give"
                + " --function"), errors());
    }

    @Test
    void functionOption_worksOnAnotherFunctionForOneLine() throws IOException {
        List<String> printed = script("use KT1", "set --function KT2 a 1", "has a",
                "get -f KT2 a");

        assertEquals(List.of("false", "1"), printed);
    }

    @Test
    void urlOption_isRefusedInTheShell() throws IOException {
        script("use KT1", "get --url kv:memory:other a");

        assertTrue(errors().get(0).startsWith("error: line 2: --url is given to kv shell when it"
                + " starts"), errors()::toString);
        assertEquals(1, exitCode);
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
        assertEquals(1L, store.reader("KT1").get("a"));
    }

    @Test
    void rollback_discardsTheTransactionsWrites() throws IOException {
        List<String> printed = script("use KT1", "set counter 1", "begin", "set counter 2",
                "get counter", "rollback", "get counter");

        assertEquals(List.of("2", "1"), printed);
        assertEquals(0, exitCode);
    }

    @Test
    void getOfAMissingKey_insideATransaction_doesNotAbortIt() throws IOException {
        script("use KT1", "begin", "get nothing", "set a 1", "commit");

        assertEquals(1L, store.reader("KT1").get("a"));
        assertEquals(0, exitCode, errors()::toString);
    }

    @Test
    void failedLine_insideATransaction_abortsItAndNothingOfItIsCommitted() throws IOException {
        script("use KT1", "set a 0", "begin", "set a 1", "set \"\" 1", "set b 1", "commit");

        assertEquals(0L, store.reader("KT1").get("a"));
        assertFalse(store.reader("KT1").has("b"));
        assertEquals(1, exitCode);
    }

    @Test
    void abortedTransaction_refusesLaterLinesAndItsCommitFails() throws IOException {
        script("use KT1", "begin", "set a 1", "gett", "set b 1", "commit", "set c 1");

        assertEquals(List.of(
                "error: line 4: unknown command gett; did you mean get, set or delete?",
                "Type help for the commands.",
                "error: line 4: the transaction of function KT1 begun at line 2 is aborted:"
                        + " nothing of it will be committed, and lines up to commit or rollback"
                        + " are refused",
                "error: line 5: refused: the transaction was aborted at line 4; type rollback"
                        + " to end it",
                "error: line 6: the transaction was aborted at line 4: nothing of it was"
                        + " committed"), errors());
        assertEquals(1L, store.reader("KT1").get("c"), "after the commit, lines run again");
        assertFalse(store.reader("KT1").has("a"));
    }

    @Test
    void begin_insideATransaction_isRefusedAndTheTransactionGoesOn() throws IOException {
        script("use KT1", "begin", "set a 1", "begin", "set b 2", "commit");

        assertEquals(List.of("warning: line 4: begin refused: the transaction of function KT1"
                + " begun at line 2 is open and goes on; commit or rollback ends it"), errors());
        assertEquals(1L, store.reader("KT1").get("a"));
        assertEquals(2L, store.reader("KT1").get("b"));
        assertEquals(0, exitCode);
    }

    @Test
    void stopOnError_endsTheScriptAtItsFirstFailingLine() throws IOException {
        Shell shell = new Shell(store, new Io(null, new PrintWriter(out), new PrintWriter(err)),
                Shell.Mode.SCRIPT, true);

        exitCode = shell.run(Lines.of(new BufferedReader(new StringReader(String.join("\n",
                "use KT1", "set a 1", "begin", "set b 1", "set c {", "rollback", "set d 1")))));

        assertEquals(1, exitCode);
        assertEquals("error: the script stops at line 5 (--stop-on-error); the transaction of"
                + " function KT1 begun at line 3 is rolled back; no later line ran",
                errors().get(errors().size() - 1));
        assertEquals(List.of("a"), store.reader("KT1").list("").keys());
    }

    @Test
    void withoutStopOnError_aScriptGoesOnAfterAFailingLine() throws IOException {
        script("use KT1", "set c {", "set d 1");

        assertEquals(1, exitCode);
        assertTrue(store.reader("KT1").has("d"));
    }

    @Test
    void abortedTransaction_endsWithRollback() throws IOException {
        List<String> printed = script("use KT1", "begin", "set a {", "rollback", "set b 1",
                "has a", "has b");

        assertEquals(List.of("false", "true"), printed);
        assertEquals(1, exitCode, "the script had a failing line");
    }

    @Test
    void commandOnTheWholeStore_isRefusedInsideATransactionAndAbortsIt() throws IOException {
        script("use KT1", "begin", "set a 1", "functions", "commit");

        assertTrue(errors().get(0).startsWith("error: line 4: functions cannot join the"
                + " transaction of function KT1"), errors()::toString);
        assertFalse(store.reader("KT1").has("a"));
    }

    @Test
    void openTransaction_atEndOfScript_isRolledBackAndFailsTheScript() throws IOException {
        script("use KT1", "begin", "set a 1");

        assertFalse(store.reader("KT1").has("a"));
        assertEquals(List.of("error: the transaction of function KT1 begun at line 2 was still"
                + " open at the end and was rolled back"), errors());
        assertEquals(1, exitCode);
    }

    @Test
    void commit_withoutTransaction_isAnError() throws IOException {
        script("use KT1", "commit");

        assertEquals(List.of("error: line 2: no transaction is open; begin one first"), errors());
    }

    @Test
    void use_insideTransaction_isRefused() throws IOException {
        script("use KT1", "begin", "use KT2", "rollback");

        assertEquals("error: line 3: use cannot join the transaction of function KT1; commit or"
                + " rollback first", errors().get(0));
    }

    @Test
    void functions_haveTheirOwnKeys() throws IOException {
        List<String> printed = script("use KT1", "set a 1", "use KT2", "has a");

        assertEquals(List.of("false"), printed);
    }

    @Test
    void quotedKey_mayHoldSpaces() throws IOException {
        List<String> printed = script("use KT1", "set \"my key\" \"a b\"", "get \"my key\"", "list");

        assertEquals(List.of("\"a b\"", "\"my key\" \"a b\""), printed);
        assertEquals("a b", store.reader("KT1").get("my key"));
    }

    @Test
    void list_showsInvisibleCharactersOfKeysAsEscapes() throws IOException {
        store.run("KT1", kv -> {
            kv.set("a\u200Bb", 1);
            kv.set("e\u0301", 2);
            kv.set("plain/é", 3);
            return null;
        });

        List<String> printed = script("use KT1", "list");

        assertEquals(List.of("\"a\\u200Bb\" 1", "\"e\\u0301\" 2", "plain/é 3"), printed);
    }

    @Test
    void listedKey_readsBackInTheShell() throws IOException {
        store.run("KT1", kv -> {
            kv.set("a\u200Bb c", "x");
            return null;
        });

        assertEquals(List.of("\"x\""), script("use KT1", "get \"a\\u200Bb c\""));
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

        assertEquals(1L, store.reader("KT1").get("a"));
    }

    @Test
    void commentsAndBlankLines_areIgnored() throws IOException {
        List<String> printed = script("# a comment", "", "   ", "use KT1", "  # indented",
                "has a");

        assertEquals(List.of("false"), printed);
        assertEquals(0, exitCode);
    }

    @Test
    void help_listsTheCommands() throws IOException {
        String printed = String.join("\n", script("help"));

        for (String command : List.of("use", "get", "set", "delete", "has", "list", "functions",
                "export", "import", "drop", "begin", "commit", "rollback", "quit, exit")) {
            assertTrue(printed.contains("\n  " + command + " "), command);
        }
    }

    @Test
    void helpOfACommand_isItsOwnHelp() throws IOException {
        String printed = String.join("\n", script("help list"));

        assertTrue(printed.startsWith("Usage: list [OPTIONS] [PREFIX]"), printed);
        assertTrue(printed.contains("--all"), printed);
    }

    @Test
    void echo_printsEachCommandAfterAPrompt() throws IOException {
        List<String> printed = run(Shell.Mode.ECHO, "# counter\nuse KT1\nset a 1\nbegin\nget a\n"
                + "rollback\n");

        assertEquals(List.of("# counter", "kv> use KT1", "kv KT1> set a 1", "kv KT1> begin",
                "kv KT1 (tx)> get a", "1", "kv KT1 (tx)> rollback"), printed);
    }
}
