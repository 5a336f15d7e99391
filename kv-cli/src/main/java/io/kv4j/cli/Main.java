package io.kv4j.cli;

import io.kv4j.KvStore;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code kv} command: {@code kv shell} to browse and edit a store, one-shot store commands,
 * export and import, the compatibility kit and the benchmarks. Run {@code kv --help}.
 */
@Command(name = "kv",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        abbreviateSynopsis = true,
        description = {
            "Browse, edit, export and import a kv4j store: each function's namespace",
            "of JSON values."},
        commandListHeading = "%nCommands:%n",
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE, ExitCode.FAILED_LINE,
            ExitCode.SCRIPT_MORE,
            ExitCode.USAGE_LINE, ExitCode.MISSING_LINE},
        footer = {
            "",
            "The store: --url, else system property " + KvStore.URL_PROPERTY + ", else environment",
            "variable " + KvStore.URL_ENVIRONMENT + ", else a SQLite file in the user's data",
            "directory, kv4j/" + DefaultStore.FILE + " in $XDG_DATA_HOME or ~/.local/share",
            "(~/Library/Application Support on macOS, LOCALAPPDATA on Windows).",
            "kv COMMAND --help shows a command's options and exit codes."},
        // the store commands follow, then those of SUITES: see commandLine()
        subcommands = ShellCommand.class)
public final class Main implements Runnable, Context {

    /** The commands after the store commands; a new one is one more class here. */
    private static final List<Class<?>> SUITES = List.of(TckCommand.class, BenchCommand.class,
            HelpCommand.class);

    /** Every command but the shell, which Main's annotation names: store commands, then suites. */
    private static final List<Class<?>> COMMANDS = Stream.concat(StoreCommand.ALL.stream(),
            SUITES.stream()).toList();

    private static final String LOG_FORMAT = "java.util.logging.SimpleFormatter.format";

    private final Io io;
    /** Whether the JVM ends with the command, taking with it what lives in it alone. */
    private final boolean ownProcess;

    @Spec
    private CommandSpec spec;

    private Main(Io io, boolean ownProcess) {
        this.io = io;
        this.ownProcess = ownProcess;
    }

    /**
     * Runs the command and exits the JVM with its exit code. Text is read and written as UTF-8.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        // what a store logs (a migration, a lost connection) takes one line on standard error,
        // unless the user configured java.util.logging
        if (System.getProperty("java.util.logging.config.file") == null
                && System.getProperty(LOG_FORMAT) == null) {
            System.setProperty(LOG_FORMAT, "kv: %4$s: %5$s%6$s%n");
        }
        PrintWriter out = utf8(FileDescriptor.out);
        PrintWriter err = utf8(FileDescriptor.err);
        int code = run(args, new Io(System.in, out, err, System.console() != null,
                mayShowProgress(args) && stderrIsTerminal()), true);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the command without exiting, in a JVM that outlives it: for tests and embedding. */
    static int run(String[] args, Io io) {
        return run(args, io, false);
    }

    /**
     * Runs the command without exiting.
     *
     * @param ownProcess whether the JVM ends with the command, as the kv command's does: a
     *     store that lives in this process alone is then gone when the command ends
     */
    static int run(String[] args, Io io, boolean ownProcess) {
        StoreCommand quick = QuickLine.read(args);
        if (quick != null) {
            return runQuick(quick, args, io, ownProcess);
        }
        return commandLine(io, ownProcess, commandsFor(args)).execute(args);
    }

    /**
     * Runs a command that {@link QuickLine} read, as picocli runs it: a usage error and a
     * failure are told by the same handlers, with the command line that picocli builds then.
     */
    private static int runQuick(StoreCommand command, String[] args, Io io, boolean ownProcess) {
        command.readWithout(args[0],
                () -> commandLine(io, ownProcess, List.of(command.getClass()))
                        .parseArgs(args).subcommand().commandSpec().commandLine());
        try (Session session = new OneShot(command, io, ownProcess)) {
            return command.execute(session);
        } catch (ParameterException e) {
            return Errors.onBadUsage(e, args);
        } catch (Exception e) {
            Errors.report(e, "", io.err(), List.of(args));
            return ExitCode.FAILED;
        }
    }

    /**
     * The commands a command line needs. After the JVM's own start, picocli reading the
     * commands' annotations is most of a one-shot's start-up, so a command line whose first word
     * names a command is built with that one alone, and {@code --version} with none; any other
     * (help, a usage error, no command) gets them all.
     */
    private static List<Class<?>> commandsFor(String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return List.of();
        }
        Class<?> named = args.length == 0 ? null : command(args[0]);
        return named == null ? COMMANDS : List.of(named);
    }

    /** The class of the command a word names, but help, which names the others; or null. */
    private static Class<?> command(String word) {
        for (Class<?> type : COMMANDS) {
            Command command = type.getAnnotation(Command.class);
            if (type != HelpCommand.class && (command.name().equals(word)
                    || List.of(command.aliases()).contains(word))) {
                return type;
            }
        }
        return null;
    }

    /** The {@code kv} command line with every command, ready to run in a JVM that outlives it. */
    static CommandLine commandLine(Io io) {
        return commandLine(io, false, COMMANDS);
    }

    private static CommandLine commandLine(Io io, boolean ownProcess, List<Class<?>> commands) {
        CommandLine line = new CommandLine(new Main(io, ownProcess));
        commands.forEach(line::addSubcommand);
        configure(line, io);
        // the kit's command is registered here: its help option is the one every command has,
        // and its summary in the list of commands is one line
        CommandLine kit = line.getSubcommands().get("tck");
        if (kit != null) {
            CommandSpec tck = kit.getCommandSpec();
            tck.addMixin("help", CommandSpec.forAnnotatedObject(new HelpOption()));
            tck.usageMessage().header("Run the compatibility kit against a store.");
        }
        HelpLayout.wrapAtSpaces(line);
        return line;
    }

    /**
     * Sets up a command line of kv, or of a shell line, the same way: a word in double quotes
     * is a JSON string, as a key or any other text, the rule by which keys are printed
     * ({@link ShellWords}); JSON values keep their quotes, as their own converter reads them.
     */
    static CommandLine configure(CommandLine line, Io io) {
        line.registerConverter(String.class, ShellWords::unquote);
        line.registerConverter(Path.class, word -> Path.of(ShellWords.unquote(word)));
        return line.setOut(io.out())
                .setErr(io.err())
                // an argument starting with @ is a key or value, not a file of arguments
                .setExpandAtFiles(false)
                .setExecutionExceptionHandler(Errors::onFailure)
                .setParameterExceptionHandler(Errors::onBadUsage);
    }

    @Override
    public Io io() {
        return io;
    }

    @Override
    public Session open(StoreCommand command) {
        return new OneShot(command, io, ownProcess);
    }

    @Override
    public String where() {
        return "";
    }

    @Override
    public String helpHint(CommandLine command) {
        return "Try '" + command.getCommandSpec().qualifiedName() + " --help' for more.";
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "a command is missing; choose one of " + spec.subcommands().keySet());
    }

    /**
     * Only long work shows progress, export and import, in one shot or in the shell, so only it
     * asks whether a person watches standard error, which takes a process of its own.
     */
    private static boolean mayShowProgress(String[] args) {
        return args.length > 0 && List.of("export", "import", "shell").contains(args[0]);
    }

    private static boolean stderrIsTerminal() {
        try {
            return TerminalProvider.load("exec").isSystemStream(SystemStream.Error);
        } catch (IOException | RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static PrintWriter utf8(FileDescriptor fd) {
        return new PrintWriter(
                new OutputStreamWriter(new FileOutputStream(fd), StandardCharsets.UTF_8), true);
    }
}
