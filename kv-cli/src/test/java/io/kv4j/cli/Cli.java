package io.kv4j.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/** Runs {@code kv} in process and keeps what it printed. */
final class Cli {

    final int exitCode;
    final String out;
    final String err;

    private Cli(int exitCode, String out, String err) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    /**
     * How a run differs from one in a pipe, in a JVM that outlives the command.
     *
     * @param stdin standard input
     * @param terminal whether a person is at the terminal
     * @param password what that person answers to a password prompt
     * @param ownProcess whether the JVM ends with the command, as the kv command's does
     */
    record Setup(byte[] stdin, boolean terminal, Function<String, char[]> password,
            boolean ownProcess) {

        static Setup pipe() {
            return new Setup(new byte[0], false, prompt -> null, false);
        }

        Setup input(String text) {
            return new Setup(text.getBytes(StandardCharsets.UTF_8), terminal, password,
                    ownProcess);
        }

        Setup atTerminal(Function<String, char[]> answers) {
            return new Setup(stdin, true, answers, ownProcess);
        }

        Setup inItsOwnProcess() {
            return new Setup(stdin, terminal, password, true);
        }
    }

    static Cli kv(String... args) {
        return kvWithInput("", args);
    }

    static Cli kvWithInput(String stdin, String... args) {
        return kvWithInput(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    static Cli kvWithInput(byte[] stdin, String... args) {
        return kv(new Setup(stdin, false, prompt -> null, false), args);
    }

    static Cli kv(Setup setup, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Io io = new Io(new ByteArrayInputStream(setup.stdin()), new PrintWriter(out),
                new PrintWriter(err), setup.terminal(), false, setup.password());
        int code = Main.run(args, io, setup.ownProcess());
        return new Cli(code, out.toString(), err.toString());
    }

    /** Runs {@code kv} with every command line read by picocli, none by {@link QuickLine}. */
    static Cli kvThroughPicocli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Io io = new Io(new ByteArrayInputStream(new byte[0]), new PrintWriter(out),
                new PrintWriter(err), false, false, prompt -> null);
        int code = Main.commandLine(io).execute(args);
        return new Cli(code, out.toString(), err.toString());
    }

    static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split("\\R"));
    }

    List<String> outLines() {
        return lines(out);
    }

    List<String> errLines() {
        return lines(err);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
