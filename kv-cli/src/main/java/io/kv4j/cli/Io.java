package io.kv4j.cli;

import java.io.InputStream;
import java.io.PrintWriter;

/**
 * Where the command reads and writes, passed in so that tests can run it in process.
 *
 * @param in standard input
 * @param out results, and nothing else: scripts read them
 * @param err errors, warnings, summaries and progress
 * @param terminal whether a person is typing at standard input: the shell prompts, and
 *     {@code drop} may ask
 * @param errTerminal whether standard error is a terminal: long work shows its progress there
 */
record Io(InputStream in, PrintWriter out, PrintWriter err, boolean terminal,
        boolean errTerminal) {

    /** Streams that are no terminal, as in a pipe or a test. */
    Io(InputStream in, PrintWriter out, PrintWriter err) {
        this(in, out, err, false, false);
    }
}
