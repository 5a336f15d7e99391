package io.kv4j.cli;

import io.kv4j.KvStore;
import java.util.List;
import java.util.concurrent.Callable;
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

    @Override
    public final Integer call() throws Exception {
        try (Session session = Context.of(spec.commandLine()).open(this)) {
            return execute(session);
        }
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
