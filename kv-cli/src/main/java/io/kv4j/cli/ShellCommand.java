package io.kv4j.cli;

import io.kv4j.KvStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code kv shell}: commands typed at a prompt, or read from a script. */
@Command(name = "shell",
        abbreviateSynopsis = true,
        description = {
            "Run commands, one a line, typed or from a script.",
            "From FILE or standard input, on one store that lives as long as the",
            "shell. A person typing gets a prompt, line editing, history",
            "(~/.kv_history) and completion of commands and keys with Tab.",
            "A script goes on after a failing line, unless --stop-on-error."},
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE, ExitCode.SCRIPT_LINE, ExitCode.USAGE_LINE})
final class ShellCommand implements Callable<Integer> {

    /** The history of the interactive shell, in the user's home. */
    static final String HISTORY = ".kv_history";

    @ParentCommand
    private Main main;

    @Mixin
    private HelpOption help;

    @Option(names = "--url", paramLabel = "URL", description = {
        "The store. Default: system property " + KvStore.URL_PROPERTY + ",",
        "else environment variable " + KvStore.URL_ENVIRONMENT + ",",
        "else " + DefaultStore.WHERE + "."})
    private String url;

    @Option(names = {"-f", "--function"}, paramLabel = "FUNCTION",
            description = "The function to start with; else type use FUNCTION.")
    private String function;

    @Option(names = "--echo",
            description = {"Print each line of a script, after a prompt,", "before its output."})
    private boolean echo;

    @Option(names = "--stop-on-error", description = {
        "End a script at its first failing line, as psql's",
        "ON_ERROR_STOP; an open transaction is rolled back.",
        "Default: a script goes on, and exits with 1 at its end."})
    private boolean stopOnError;

    @Parameters(arity = "0..1", paramLabel = "FILE",
            description = {"A script of commands, in UTF-8.", "Default: standard input."})
    private Path file;

    @Override
    public Integer call() throws IOException {
        Io io = main.io();
        Shell.Mode mode = file == null && io.terminal() ? Shell.Mode.INTERACTIVE
                : echo ? Shell.Mode.ECHO : Shell.Mode.SCRIPT;
        try (BufferedReader script = file != null
                        ? Files.newBufferedReader(file, StandardCharsets.UTF_8)
                        : new BufferedReader(new InputStreamReader(io.in(),
                                StandardCharsets.UTF_8));
                KvStore store = OpenStore.shell(url != null ? url : DefaultStore.url(io), io)) {
            Shell shell = new Shell(store, io, mode, stopOnError);
            if (function != null) {
                shell.use(function);
            }
            if (mode != Shell.Mode.INTERACTIVE) {
                return shell.run(Lines.of(script));
            }
            try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
                return shell.run(Lines.of(editor(terminal, shell,
                        Path.of(System.getProperty("user.home"), HISTORY))));
            }
        }
    }

    /** A line editor for the shell, with its history in a file and completion. */
    static LineReader editor(Terminal terminal, Shell shell, Path history) {
        Completion completion = new Completion(shell);
        return LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("kv")
                .parser(completion)
                .completer(completion)
                .variable(LineReader.HISTORY_FILE, history)
                // '!' in a value is text, not a history reference
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
    }
}
