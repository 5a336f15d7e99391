package io.kv4j.cli;

import static io.kv4j.cli.Cli.kv;
import static io.kv4j.cli.Cli.kvThroughPicocli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.kv4j.KvStore;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command lines read without picocli behave exactly as picocli's reading of them: same
 * exit codes, output and messages, on success and on every kind of error; and any other line
 * is left to picocli.
 */
class QuickLineTest {

    /**
     * Each case is a sequence of command lines, words separated by '|', run in turn on one store
     * ({@code URL} in a line is its URL); one sequence is run as kv runs it, the other on a
     * store of its own with picocli reading every line.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "set|--url|URL|-f|F|k|{\"a\":[1,2.50]}  get|--url|URL|--function|F|k",
        "set|--url=URL|--function=F|\"héllo wörld\"|\"x\"  get|--url=URL|-f|F|héllo wörld"
            + "  get|--url|URL|-f|F|\"héllo wörld\"|missing",
        "get|--url|URL|-f|F|missing  has|--url|URL|-f|F|missing",
        "set|--url|URL|-f|F|k|1  has|--url|URL|-f|F|k  delete|--url|URL|-f|F|k|other"
            + "  has|--url|URL|-f|F|k",
        "set|--url|URL|-f|F|k|[1,]",
        "set|--url|URL|-f|F|k|\"unterminated",
        "set|--url|kv:memory:|-f|F|k|1",
        "get|--url|kv:memory:|-f|F|k",
        "get|--url|kv:nope:x|-f|F|k",
        "get|--url|kv:postgresql://localhost:1/db?user=u&password=Secret-7|-f|F|k",
        "get|--url|URL|-f|F|\"\\ud800\"",
        "get|--url|URL|-f|F|k|--url|URL",
        "get|--url|URL|-f|F|k|-f|G",
        "get|--url|URL|-f|F",
        "get|--url|URL|k",
        "get|--url|URL|-f|F|--|k",
        "get|--url|URL|-f|F|k|--help",
        "get|--url|URL|-f|-x|k",
        "has|--url|URL|-f|F|k|other",
        "set|--url|URL|-f|F|k",
        "set|--url|URL|-f|F|k|1|2",
        "delete|--url|URL|-f|F",
    })
    void aLineReadWithoutPicocli_runsAsPicocliRunsIt(String sequence) {
        String quick = "kv:memory:quick-" + UUID.randomUUID();
        String picocli = "kv:memory:picocli-" + UUID.randomUUID();
        // held open, so that each store outlives the commands
        KvStore quickStore = KvStore.open(quick);
        KvStore picocliStore = KvStore.open(picocli);
        try {
            for (String line : sequence.split("  ")) {
                Cli expected = kvThroughPicocli(words(line, picocli));
                Cli actual = kv(words(line, quick));

                assertEquals(expected.toString(), actual.toString().replace(quick, picocli), line);
            }
        } finally {
            quickStore.close();
            picocliStore.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "get|-f|F|k", "get|--function|F|k|\"k 2\"", "get|--url=U|--function=F|k",
        "has|-f|F|k", "set|-f|F|k|{\"a\":1}", "set|-f|F|k|\"text\"", "delete|-f|F|a|b",
    })
    void thePlainLines_areReadWithoutPicocli(String line) {
        assertNotNull(QuickLine.read(line.split("\\|")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "get", "get|k", "get|-f|F", "get|-fF|k", "get|-f=F|k", "get|-f|F|--format|json|k",
        "get|-f|F|-k", "get|-f|F|", "get|--url|U|--url|U|-f|F|k", "get|-f|F|k|--url",
        "list|-f|F", "has|-f|F", "set|-f|F|k", "set|-f|F|k|[1,]", "delete|-f|F|--prefix|p",
        "shell|-f|F|k", "--version", "help|get",
    })
    void otherLines_areLeftToPicocli(String line) {
        assertNull(QuickLine.read(line.split("\\|", -1)));
    }

    private static String[] words(String line, String url) {
        List<String> words = new ArrayList<>();
        for (String word : line.split("\\|")) {
            words.add(word.replace("URL", url));
        }
        return words.toArray(String[]::new);
    }
}
