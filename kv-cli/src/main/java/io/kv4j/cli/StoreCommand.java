package io.kv4j.cli;

import io.kv4j.KvStore;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A command that works on a store: one-shot from {@code kv}, or as a line of the shell. */
@Command(abbreviateSynopsis = true, exitCodeListHeading = ExitCode.HEADING)
abstract class StoreCommand implements Callable<Integer> {

    /** The store commands, in the order help lists them: kv's own and the shell's are these. */
    static final List<Class<? extends StoreCommand>> ALL = List.of(
            GetCommand.class,
            SetCommand.class,
            SumCommand.class,
            DeleteCommand.class,
            HasCommand.class,
            ListCommand.class,
            CountCommand.class,
            FunctionsCommand.class,
            PingCommand.class,
            ExportCommand.class,
            ImportCommand.class,
            DropCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    private HelpOption help;

    @Option(names = "--url", paramLabel = "URL", description = {
        "The store, such as kv:postgresql://host/db.",
        "Default: system property " + KvStore.URL_PROPERTY + ",",
        "else environment variable " + KvStore.URL_ENVIRONMENT + ",",
        "else " + DefaultStore.WHERE + ".",
        "The shell takes it when it starts."})
    String url;

    /** The name of a command read without picocli ({@link QuickLine}); null for picocli's. */
    private String name;
    /** The command line of a command read without picocli, built when an error is told. */
    private Supplier<CommandLine> line;

    @Override
    public final Integer call() throws Exception {
        try (Session session = Context.of(spec.commandLine()).open(this)) {
            return execute(session);
        }
    }

    /** Marks a command read without picocli: it has no spec, and this builds its command line. */
    void readWithout(String name, Supplier<CommandLine> line) {
        this.name = name;
        this.line = line;
    }

    /** The command line of this command, which a usage error names. */
    CommandLine commandLine() {
        return spec != null ? spec.commandLine() : line.get();
    }

    /** The command's name. */
    String name() {
        return spec != null ? spec.name() : name;
    }

    /** Whether the command writes, which a one-shot refuses on a store that it alone sees. */
    boolean writes() {
        return false;
    }

    /**
     * Does the work.
     *
     * @return the exit code
     */
    abstract int execute(Session session) throws Exception;
}
