package io.kv4j.cli;

import static io.kv4j.cli.Cli.kv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Usage errors and bad JSON in kv's words, never its libraries' (picocli's parameter indexes,
 * Jackson's features and codes), and never with a secret of the command line in them.
 */
class UsageErrorsTest {

    /** What picocli or Jackson would say in their own words. */
    private static final Pattern LIBRARY_WORDS = Pattern.compile("index \\d|Unmatched|Did you"
            + " mean:|Invalid value for|positional parameter|Missing required|specified only"
            + " once|Feature|\\(code \\d+\\)|Source:|REDACTED|CTRL-CHAR|Non-standard|expecting|"
            + "marker|(?i)jackson");

    private static final String URL = "kv:memory:usage";

    private static String firstError(Cli result) {
        return result.errLines().stream().filter(l -> l.startsWith("error: ")).findFirst()
                .orElseThrow(() -> new AssertionError("no error\n" + result));
    }

    private static void assertKvWords(String expected, Cli result) {
        assertEquals(2, result.exitCode, result::toString);
        assertEquals("error: " + expected, firstError(result));
    }

    @Test
    void unknownCommand_suggestsTheNearestInKvWords() {
        assertKvWords("unknown command bnch; did you mean bench, check or functions?",
                kv("bnch"));
    }

    @Test
    void unknownOption_suggestsTheNearest() {
        assertKvWords("unknown option \"--formt\"; did you mean --format?",
                kv("get", "--url", URL, "-f", "F", "k", "--formt=json"));
    }

    @Test
    void aNumberOptionThatIsNoNumber_saysWhatItMustBe() {
        assertKvWords("--limit must be a whole number but was x",
                kv("list", "--url", URL, "-f", "F", "--limit", "x"));
    }

    @Test
    void aChoiceOutOfItsChoices_listsThem() {
        assertKvWords("--format must be one of text, json but was xml",
                kv("list", "--url", URL, "-f", "F", "--format", "xml"));
    }

    @Test
    void anOptionGivenTwice_isNamed() {
        assertKvWords("--url is given twice; give it once",
                kv("get", "--url", URL, "--url", URL, "-f", "F", "k"));
    }

    @Test
    void aMissingParameterOrOptionValue_isNamed() {
        assertKvWords("missing KEY", kv("get", "--url", URL, "-f", "F"));
        assertKvWords("--function needs a value: FUNCTION", kv("get", "--url", URL, "k", "-f"));
    }

    @Test
    void anArgumentTooMany_isNamed() {
        assertKvWords("unexpected argument 2; a word with spaces is written as one argument",
                kv("set", "--url", URL, "-f", "F", "k", "1", "2"));
    }

    @Test
    void badJson_saysWhatWasExpectedAndWhereInKvWords() {
        List<String> bad = List.of("{bar:1}", "[1,]", "NaN", "[Infinity]", "\"abc", "abc",
                "{\"a\":1,\"a\":2}", "01", "'x'", "{\"a\" 1}", "[1 2]", "\"\\q\"", "\"a\tb\"",
                "[1,2", "{\"a\":1", "[".repeat(2100) + "]".repeat(2100), "1 2", "{\"a\":1}}");
        for (String json : bad) {
            Cli result = kv("set", "--url", URL, "-f", "F", "k", json);
            String error = firstError(result);
            assertEquals(2, result.exitCode, result::toString);
            assertFalse(LIBRARY_WORDS.matcher(error).find(), error);
            assertTrue(error.contains("(column "), error);
        }
    }

    @Test
    void badJsonOnSeveralLines_namesTheLine() {
        Cli result = Cli.kvWithInput("{\n  \"a\": 1,\n  \"b\": ]\n}", "set", "--url", URL, "-f",
                "F", "k", "--value-file", "-");

        assertTrue(firstError(result).contains("(line 3, column 8)"), result::toString);
    }

    @Test
    void aNonFiniteNumber_saysJsonHasNone() {
        assertTrue(firstError(kv("set", "--url", URL, "-f", "F", "k", "[NaN]")).contains(
                "found NaN: JSON numbers are finite"));
    }

    @Test
    void theUrlOptionBeforeTheCommand_neverShowsItsPassword() {
        Cli result = kv("--url", "kv:postgresql://ada:hunter2@db/kv?user=ada&password=hunter3",
                "functions");

        assertEquals(2, result.exitCode);
        assertFalse(result.err.contains("hunter"), result::toString);
        assertTrue(result.err.contains("kv functions --url"), result::toString);
    }

    @Test
    void aUrlShownInAUsageError_hasItsPasswordMasked() {
        Cli result = kv("set", "--url", URL, "-f", "F", "k", "1",
                "kv:postgresql://db/kv?password=hunter3&user=ada");

        assertEquals("error: unexpected argument kv:postgresql://db/kv?password=<masked>&user=ada;"
                + " a word with spaces is written as one argument", firstError(result));
    }

    @Test
    void aUrlInAShellLineWithAnUnclosedQuote_hasItsPasswordMasked() throws IOException {
        StringWriter err = new StringWriter();
        Shell shell = new Shell(io.kv4j.KvStore.open("kv:memory:"), new Io(null,
                new PrintWriter(new StringWriter()), new PrintWriter(err)), Shell.Mode.SCRIPT);

        shell.run(Lines.of(new BufferedReader(new StringReader(
                "get --url \"kv:postgresql://db/kv?password=hunter3\n"))));

        assertTrue(err.toString().contains("password=<masked>"), err::toString);
        assertFalse(err.toString().contains("hunter"), err::toString);
    }
}
