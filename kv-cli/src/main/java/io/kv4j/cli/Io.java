package io.kv4j.cli;

import java.io.Console;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.function.Function;

/**
 * Where the command reads and writes, passed in so that tests can run it in process.
 *
 * @param in standard input
 * @param out results, and nothing else: scripts read them
 * @param err errors, warnings, summaries and progress
 * @param terminal whether a person is typing at standard input: the shell prompts, and
 *     {@code drop} may ask
 * @param errTerminal whether standard error is a terminal: long work shows its progress there
 * @param password asks a person for a password after a prompt, without echoing it; answers
 *     null when nobody can be asked
 */
record Io(InputStream in, PrintWriter out, PrintWriter err, boolean terminal,
        boolean errTerminal, Function<String, char[]> password) {

    /** Streams that are no terminal, as in a pipe or a test. */
    Io(InputStream in, PrintWriter out, PrintWriter err) {
        this(in, out, err, false, false);
    }

    /** Passwords are asked on the console, when there is one. */
    Io(InputStream in, PrintWriter out, PrintWriter err, boolean terminal, boolean errTerminal) {
        this(in, out, err, terminal, errTerminal, Io::askConsole);
    }

    private static char[] askConsole(String prompt) {
        Console console = System.console();
        return console == null ? null : console.readPassword("%s", prompt);
    }
}
