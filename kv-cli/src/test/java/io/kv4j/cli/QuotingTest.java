package io.kv4j.cli;

import static io.kv4j.cli.Cli.kv;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kv4j.KvStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One quoting rule for keys, printed and read alike: each key that kv list prints reads back as
 * the same key, as an argument of kv and as a word of its shell.
 */
class QuotingTest {

    /** Keys that a careless rule would print ambiguously or read back as something else. */
    static final List<String> AWKWARD = List.of(
            "plain",
            "héllo wörld",
            "say \"hi\"",
            "\"quoted\"",
            "back\\slash",
            "e\\u0301",
            "e\u0301",
            "tab\tnew\nline",
            "bell\u0007",
            "zero\u200Bwidth",
            "-dash",
            "--url",
            "#hash",
            "\"\"",
            " ",
            "{\"a\":1}",
            "[1,2]",
            "null",
            "123",
            "@at",
            "ключ/键/\uD83D\uDD11");

    private final String url = "kv:memory:quoting-test-" + UUID.randomUUID();
    private final KvStore store = KvStore.open(url);

    @AfterEach
    void closeStore() {
        store.close();
    }

    private void putAll() {
        store.run("KT1", kv -> {
            for (int i = 0; i < AWKWARD.size(); i++) {
                kv.set(AWKWARD.get(i), i);
            }
            return null;
        });
    }

    /** The key word of each line kv list printed, by the value it holds. */
    private String[] printed() {
        Cli list = kv("list", "--url", url, "--function", "KT1", "--all");
        String[] words = new String[AWKWARD.size()];
        for (String line : list.outLines()) {
            int space = line.lastIndexOf(' ');
            words[Integer.parseInt(line.substring(space + 1))] = line.substring(0, space);
        }
        return words;
    }

    @Test
    void eachListedKey_readsBackAsTheSameKeyInAOneShotCommand() {
        putAll();
        String[] words = printed();

        for (int i = 0; i < AWKWARD.size(); i++) {
            Cli get = kv("get", "--url", url, "--function", "KT1", words[i]);
            assertEquals(List.of(String.valueOf(i)), get.outLines(),
                    "key " + AWKWARD.get(i) + " printed as " + words[i] + "\n" + get);
        }
    }

    @Test
    void eachListedKey_readsBackAsTheSameKeyInTheShell() throws IOException {
        putAll();
        String[] words = printed();
        StringBuilder script = new StringBuilder("use KT1\n");
        for (String word : words) {
            script.append("get ").append(word).append('\n');
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Shell shell = new Shell(store, new Io(null, new PrintWriter(out), new PrintWriter(err)),
                Shell.Mode.SCRIPT);

        shell.run(Lines.of(new BufferedReader(new StringReader(script.toString()))));

        List<String> expected = new java.util.ArrayList<>();
        for (int i = 0; i < AWKWARD.size(); i++) {
            expected.add(String.valueOf(i));
        }
        assertEquals(expected, Cli.lines(out.toString()), err.toString());
    }

    @Test
    void aKeyThatLooksLikeAnEscape_isPrintedQuoted() {
        assertEquals("\"e\\\\u0301\"", ShellWords.quote("e\\u0301"));
        assertEquals("\"e\\u0301\"", ShellWords.quote("e\u0301"));
    }

    @Test
    void aKeyWrittenInDoubleQuotes_isTheStringTheyHold() {
        Cli set = kv("set", "--url", url, "--function", "KT1", "\"héllo wörld\"", "1");

        assertEquals(0, set.exitCode, set::toString);
        assertEquals(1L, store.reader("KT1").get("héllo wörld"));
    }

    @Test
    void everyKey_quotedAndUnquoted_isItself() {
        for (String key : AWKWARD) {
            assertEquals(key, ShellWords.unquote(ShellWords.quote(key)), key);
        }
    }
}
