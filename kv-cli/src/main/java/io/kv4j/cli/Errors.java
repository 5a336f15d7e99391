package io.kv4j.cli;

import io.kv4j.KvException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** How failures reach the user: one line starting with {@code error: }, and an exit code. */
final class Errors {

    private Errors() {
    }

    /** A command failed: exit code 1. */
    static int onFailure(Exception e, CommandLine command, ParseResult parsed) {
        report(e, Context.of(command).where(), command.getErr());
        return ExitCode.FAILED;
    }

    /** The command line was wrong: exit code 2, with a pointer to the help. */
    static int onBadUsage(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        Context context = Context.of(command);
        PrintWriter err = command.getErr();
        err.println("error: " + context.where() + message(e));
        UnmatchedArgumentException.printSuggestions(e, err);
        String misplaced = commandsOption(e);
        if (misplaced != null) {
            err.println("note: " + misplaced + " is an option of the commands: write it after one,"
                    + " as in kv get " + misplaced + " ...");
        }
        err.println(context.helpHint(command));
        err.flush();
        return ExitCode.USAGE;
    }

    /** An option given before the command that the commands take, such as --url; or null. */
    private static String commandsOption(ParameterException e) {
        CommandLine command = e.getCommandLine();
        if (command.getParent() != null || !(e instanceof UnmatchedArgumentException u)) {
            return null;
        }
        for (String arg : u.getUnmatched()) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (name.startsWith("-") && command.getSubcommands().values().stream()
                    .anyMatch(c -> c.getCommandSpec().findOption(name) != null)) {
                return name;
            }
        }
        return null;
    }

    /**
     * Prints {@code error: <where><message>}; a failure that is not bad input or an unavailable
     * store is a bug, so its stack trace follows.
     */
    static void report(Exception e, String where, PrintWriter err) {
        err.println("error: " + where + message(e));
        if (!expected(e)) {
            e.printStackTrace(err);
        }
        err.flush();
    }

    /** The message on one line, naming the exception when it has no message. */
    static String message(Throwable e) {
        if (e instanceof UncheckedIOException && e.getCause() != null) {
            return message(e.getCause());
        }
        if (e instanceof NoSuchFileException) {
            return "no such file: " + ((NoSuchFileException) e).getFile();
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + ((AccessDeniedException) e).getFile();
        }
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return String.join(" ", m.strip().split("\\s*\\R\\s*"));
    }

    /** Whether a failure is one a user can cause, rather than a bug. */
    static boolean expected(Exception e) {
        return e instanceof IllegalArgumentException || e instanceof IllegalStateException
                || e instanceof KvException || e instanceof IOException
                || e instanceof UncheckedIOException;
    }
}
