package io.kv4j.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kv delete}: deletes one key. */
@Command(name = "delete",
        description = "Delete a key; a missing key is no error.",
        exitCodeList = {ExitCode.OK_LINE, ExitCode.FAILED_LINE, ExitCode.USAGE_LINE})
final class DeleteCommand extends FunctionCommand {

    @Parameters(index = "0", paramLabel = "KEY", description = "The key.")
    private String key;

    @Override
    boolean writes() {
        return true;
    }

    @Override
    int execute(Session session) {
        session.request(session.function(function), kv -> {
            kv.delete(key);
            return null;
        });
        return ExitCode.OK;
    }
}
