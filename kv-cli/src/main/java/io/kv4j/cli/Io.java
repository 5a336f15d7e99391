package io.kv4j.cli;

import java.io.InputStream;
import java.io.PrintWriter;

/**
 * Where the command reads and writes, passed in so that tests can run it in process.
 *
 * @param in standard input
 * @param out results
 * @param err errors and warnings
 * @param terminal whether a person is typing at standard input, which makes the shell prompt
 */
record Io(InputStream in, PrintWriter out, PrintWriter err, boolean terminal) {
}
