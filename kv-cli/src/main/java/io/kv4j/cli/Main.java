package io.kv4j.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code kv} command: {@code kv shell} to browse and edit a store, and one-shot
 * {@code kv get|set|delete|has|list}. Run {@code kv --help} for the details.
 */
@Command(name = "kv",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Browse and edit a kv4j store: each function's namespace of JSON values.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:the operation failed, or a line of a shell script failed",
            "2:bad usage"},
        // a new subcommand is one more class in this list
        subcommands = {
            ShellCommand.class,
            GetCommand.class,
            SetCommand.class,
            DeleteCommand.class,
            HasCommand.class,
            ListCommand.class,
            TckCommand.class,
            BenchCommand.class,
            HelpCommand.class})
public final class Main implements Runnable {

    private final Io io;

    @Spec
    private CommandSpec spec;

    private Main(Io io) {
        this.io = io;
    }

    /**
     * Runs the command and exits the JVM with its exit code. Text is read and written as UTF-8.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        PrintWriter out = utf8(FileDescriptor.out);
        PrintWriter err = utf8(FileDescriptor.err);
        int code = run(args, new Io(System.in, out, err, System.console() != null));
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the command without exiting, for tests and for embedding. */
    static int run(String[] args, Io io) {
        CommandLine line = new CommandLine(new Main(io))
                .setOut(io.out())
                .setErr(io.err())
                .setExecutionExceptionHandler(Errors::onFailure)
                .setParameterExceptionHandler(Errors::onBadUsage);
        int code = line.execute(args);
        io.out().flush();
        io.err().flush();
        return code;
    }

    Io io() {
        return io;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "a command is missing; choose one of " + spec.subcommands().keySet());
    }

    private static PrintWriter utf8(FileDescriptor fd) {
        return new PrintWriter(
                new OutputStreamWriter(new FileOutputStream(fd), StandardCharsets.UTF_8), true);
    }
}
