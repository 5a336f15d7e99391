package io.kv4j.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kv has}: whether a key exists. */
@Command(name = "has",
        description = {
            "Print whether a key exists, even holding null.",
            "Prints true, or false and exits with 3."},
        exitCodeList = {ExitCode.OK_LINE, ExitCode.FAILED_LINE, ExitCode.USAGE_LINE,
            ExitCode.MISSING_LINE})
final class HasCommand extends FunctionCommand {

    @Parameters(index = "0", paramLabel = "KEY", description = "The key.")
    private String key;

    /** A has of one key, for {@link QuickLine}. */
    static HasCommand of(String key) {
        HasCommand command = new HasCommand();
        command.key = key;
        return command;
    }

    @Override
    int execute(Session session) {
        boolean has = session.request(session.function(function), kv -> kv.has(key));
        session.io().out().println(has);
        return has ? ExitCode.OK : ExitCode.MISSING;
    }
}
