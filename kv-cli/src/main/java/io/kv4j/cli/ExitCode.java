package io.kv4j.cli;

/**
 * The exit codes of {@code kv}, defined once: each command's help lists those it uses, and
 * {@code kv --help} lists them all. The shell goes on after a failing line and ends with
 * {@link #FAILED} when one failed.
 */
final class ExitCode {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int MISSING = 3;

    static final String HEADING = "%nExit codes:%n";
    static final String OK_LINE = "0:success";
    static final String FAILED_LINE = "1:failed or refused: a bad key or value, an unreachable"
            + " store";
    static final String USAGE_LINE = "2:bad usage: an unknown option, a bad option value or bad"
            + " JSON";
    static final String MISSING_LINE = "3:the key is missing (get, has)";
    static final String SCRIPT_LINE = "1:a line of a script failed, or a transaction was aborted";
    static final String SCRIPT_MORE = " :in the shell, a line of a script failed or a transaction was"
            + " aborted";

    private ExitCode() {
    }
}
