package io.kv4j.cli;

import io.kv4j.KvException;
import io.kv4j.KvStore;
import io.kv4j.common.KvUrl;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/**
 * How failures reach the user: one line starting with {@code error: }, and an exit code. What
 * is printed never shows a secret: a word of the command line that is a URL with a password is
 * shown with the password masked, whoever wrote the message (kv, the store or picocli).
 */
final class Errors {

    private Errors() {
    }

    /** A command failed: exit code 1. */
    static int onFailure(Exception e, CommandLine command, ParseResult parsed) {
        report(e, Context.of(command).where(), command.getErr(), parsed.originalArgs());
        return ExitCode.FAILED;
    }

    /** The command line was wrong: exit code 2, with a pointer to the help. */
    static int onBadUsage(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        Context context = Context.of(command);
        PrintWriter err = command.getErr();
        List<String> words = List.of(args);
        err.println(redact("error: " + context.where() + Usage.message(e, words), words));
        String misplaced = commandsOption(e);
        if (misplaced != null) {
            String example = words.stream().filter(command.getSubcommands()::containsKey)
                    .findFirst().orElse("get");
            err.println("note: " + misplaced + " is an option of the commands: write it after one,"
                    + " as in kv " + example + " " + misplaced + " ...");
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
     *
     * @param words the words of the command line, whose secrets are masked wherever they show
     */
    static void report(Exception e, String where, PrintWriter err, List<String> words) {
        StringWriter text = new StringWriter();
        text.append("error: ").append(where).append(message(e)).append(System.lineSeparator());
        if (!expected(e)) {
            e.printStackTrace(new PrintWriter(text, true));
        }
        err.print(redact(text.toString(), words));
        err.flush();
    }

    /**
     * A word of the command line as a message shows it: as the shell reads it back
     * ({@link ShellWords#quote}), and, when it is a URL, with its secrets masked where they stand
     * in it.
     */
    static String quote(String word) {
        return ShellWords.quote(KvUrl.redact(word));
    }

    /**
     * A message with the secrets of the command line masked: each word that is a URL with a
     * secret (or an option holding one, {@code --url=...}), and the store URL taken from the
     * environment, is replaced by its redacted form wherever it appears whole.
     */
    static String redact(String message, List<String> words) {
        List<String> sources = new ArrayList<>(words);
        sources.add(KvStore.defaultUrl());
        String out = message;
        for (String word : sources) {
            String redacted = KvUrl.redact(word);
            if (!redacted.equals(word)) {
                out = out.replace(word, redacted);
            }
        }
        return out;
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
