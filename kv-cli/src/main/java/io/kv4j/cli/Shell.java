package io.kv4j.cli;

import io.kv4j.Kv;
import io.kv4j.KvStore;
import io.kv4j.KvTransaction;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * The {@code kv shell} interpreter: one command per line against one store, parsed and run by
 * the same command classes as {@code kv}'s one-shot commands. Outside {@code begin}/{@code
 * commit} each command is a request of its own; inside, commands join the open transaction,
 * and any error aborts it: nothing of it is committed, and later lines up to {@code commit} or
 * {@code rollback} are refused. A failing line is reported and the shell goes on.
 */
final class Shell implements Session {

    /** How lines arrive, which decides prompts, error prefixes and the exit code. */
    enum Mode {
        /** A person types: prompts, and errors do not change the exit code. */
        INTERACTIVE,
        /** A script: no prompts; errors name their line; the exit code is 1 when a line failed. */
        SCRIPT,
        /** A script shown as a transcript: each line printed, after a prompt, before its output. */
        ECHO
    }

    /** What may be typed in an aborted transaction. */
    private static final Set<String> WHEN_ABORTED = Set.of("commit", "rollback", "help", "quit",
            "exit");

    private final KvStore store;
    private final Io io;
    private final Mode mode;
    /** Whether a script ends at its first failing line, as psql's ON_ERROR_STOP. */
    private final boolean stopOnError;
    private final CommandLine commands;
    private Lines lines;
    private String function;
    /** The open transaction, or null: none is open, or it was aborted. */
    private KvTransaction transaction;
    /** The function of the open or aborted transaction, or null when there is none. */
    private String block;
    private int begunAt;
    private int abortedAt;
    private int number;
    private boolean failed;
    private boolean quit;

    Shell(KvStore store, Io io, Mode mode) {
        this(store, io, mode, false);
    }

    /**
     * @param stopOnError whether a script ends at its first failing line; a person at the
     *     prompt goes on whatever it says
     */
    Shell(KvStore store, Io io, Mode mode, boolean stopOnError) {
        this.store = store;
        this.io = io;
        this.mode = mode;
        this.stopOnError = stopOnError && mode != Mode.INTERACTIVE;
        this.commands = Main.configure(ShellLine.commandLine(this), io);
        HelpLayout.wrapAtSpaces(commands);
        // a command's usage starts "Usage: set", as it is typed
        for (CommandLine command : commands.getSubcommands().values()) {
            command.getCommandSpec().usageMessage().synopsisHeading("Usage:");
        }
    }

    /** The shell's command line: its commands and their help. */
    CommandLine commands() {
        return commands;
    }

    /**
     * Reads and runs lines until the end of input or {@code quit}.
     *
     * @return 1 when a line of a script failed or a transaction of it was aborted or left open,
     *     else 0
     * @throws IOException when the input cannot be read
     */
    int run(Lines input) throws IOException {
        this.lines = input;
        if (mode == Mode.INTERACTIVE) {
            io.out().println("kv shell on " + store.url() + "; type help for the commands");
            io.out().flush();
        }
        String line;
        while (!quit && (line = input.read(prompt())) != null) {
            number++;
            String text = line.strip();
            boolean command = !text.isEmpty() && !text.startsWith("#");
            if (mode == Mode.ECHO) {
                io.out().println(command ? prompt() + text : line);
            }
            if (command) {
                execute(text);
            }
            io.out().flush();
            io.err().flush();
        }
        endBlockAtTheEnd();
        return failed && mode != Mode.INTERACTIVE ? ExitCode.FAILED : ExitCode.OK;
    }

    private void execute(String text) {
        List<String> words;
        try {
            words = ShellWords.split(text);
        } catch (IllegalArgumentException e) {
            Errors.report(e, where(), io.err(), List.of(text.split("\\s+")));
            lineFailed();
            return;
        }
        if (abortedAt > 0 && !WHEN_ABORTED.contains(words.get(0))) {
            io.err().println("error: " + where() + "refused: the transaction was aborted"
                    + (mode == Mode.INTERACTIVE ? "" : " at line " + abortedAt)
                    + "; type rollback to end it");
            failed = true;
            return;
        }
        int code = commands.execute(words.toArray(String[]::new));
        if (code == ExitCode.FAILED || code == ExitCode.USAGE) {
            lineFailed();
        }
    }

    private void lineFailed() {
        failed = true;
        String tx = block == null ? "" : "the transaction of function " + ShellWords.quote(block)
                + (mode == Mode.INTERACTIVE ? "" : " begun at line " + begunAt);
        if (transaction != null) {
            transaction.close();
            transaction = null;
            abortedAt = number;
            if (!stopOnError) {
                io.err().println("error: " + where() + tx + " is aborted: nothing of it will be"
                        + " committed, and lines up to commit or rollback are refused");
            }
        }
        if (stopOnError) {
            quit = true;
            io.err().println("error: the script stops at line " + number + " (--stop-on-error)"
                    + (tx.isEmpty() ? "" : "; " + tx + " is rolled back") + "; no later line ran");
        }
    }


    /** What error messages start with: the line number of a script. */
    String where() {
        return mode == Mode.INTERACTIVE ? "" : "line " + number + ": ";
    }

    String prompt() {
        return "kv" + (function == null ? "" : " " + function)
                + (block == null ? "" : abortedAt > 0 ? " (tx aborted)" : " (tx)") + "> ";
    }

    /** The function chosen with {@code use}, or null. */
    String currentFunction() {
        return function;
    }

    // the shell's own commands, called by ShellLine

    void use(String name) {
        requireNoTransaction("use");
        store.reader(name);
        function = name;
    }

    /**
     * Opens a transaction. Inside one, begin is refused without aborting it: the transaction
     * goes on, as in psql, since nothing of it went wrong.
     */
    void begin() {
        if (block != null) {
            io.err().println("warning: " + where() + "begin refused: the transaction of function "
                    + ShellWords.quote(block) + (mode == Mode.INTERACTIVE ? "" : " begun at line "
                            + begunAt) + " is open and goes on; commit or rollback ends it");
            return;
        }
        transaction = store.begin(function(null));
        block = transaction.function();
        begunAt = number;
    }

    void commit() {
        int aborted = abortedAt;
        KvTransaction open = endBlock();
        if (open == null) {
            throw new IllegalStateException("the transaction was aborted"
                    + (mode == Mode.INTERACTIVE ? "" : " at line " + aborted)
                    + ": nothing of it was committed");
        }
        open.commit();
    }

    void rollback() {
        KvTransaction open = endBlock();
        if (open != null) {
            open.rollback();
        }
    }

    void quit() {
        quit = true;
    }

    /** Ends the transaction: whatever happens next, a new one may begin. */
    private KvTransaction endBlock() {
        if (block == null) {
            throw new IllegalStateException("no transaction is open; begin one first");
        }
        KvTransaction open = transaction;
        transaction = null;
        block = null;
        abortedAt = 0;
        return open;
    }

    private void endBlockAtTheEnd() {
        if (block == null) {
            return;
        }
        String name = block;
        boolean aborted = abortedAt > 0;
        KvTransaction open = endBlock();
        if (open != null) {
            open.close();
        }
        if (!aborted) {
            String message = "the transaction of function " + ShellWords.quote(name)
                    + (mode == Mode.INTERACTIVE ? "" : " begun at line " + begunAt)
                    + " was still open at the end and was rolled back";
            if (mode == Mode.INTERACTIVE) {
                io.err().println("warning: " + message);
            } else {
                io.err().println("error: " + message);
                failed = true;
            }
            io.err().flush();
        }
    }

    // the session of the store commands

    @Override
    public Io io() {
        return io;
    }

    @Override
    public KvStore store() {
        return store;
    }

    @Override
    public String function(String given) {
        if (given != null) {
            return given;
        }
        if (function == null) {
            throw new IllegalStateException("no function chosen; type use FUNCTION first, or"
                    + " give --function");
        }
        return function;
    }

    @Override
    public <T> T request(String name, Function<Kv, T> body) {
        if (transaction == null) {
            return store.run(name, body::apply);
        }
        if (!name.equals(block)) {
            throw new IllegalStateException("the open transaction is of function "
                    + ShellWords.quote(block) + ", not " + ShellWords.quote(name));
        }
        return body.apply(transaction);
    }

    @Override
    public void requireNoTransaction(String command) {
        if (block != null) {
            throw new IllegalStateException(command + " cannot join the transaction of function "
                    + ShellWords.quote(block) + "; commit or rollback first");
        }
    }

    @Override
    public boolean interactive() {
        return mode == Mode.INTERACTIVE;
    }

    @Override
    public boolean standardInputFree() {
        return false;
    }

    @Override
    public boolean confirm(String question) {
        if (mode != Mode.INTERACTIVE) {
            throw new IllegalStateException("a script cannot be asked to confirm; give --yes");
        }
        try {
            return Session.isYes(lines.read(question + " [y/N] "));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        // the shell's store outlives each line
    }
}
