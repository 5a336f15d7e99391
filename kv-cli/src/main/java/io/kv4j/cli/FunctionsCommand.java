package io.kv4j.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kv functions}: the functions that hold data. */
@Command(name = "functions",
        description = {"List the functions that hold data.",
            "In UTF-8 order of their names."},
        exitCodeList = {ExitCode.OK_LINE, ExitCode.FAILED_LINE, ExitCode.USAGE_LINE})
final class FunctionsCommand extends StoreCommand {

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = {
        "text: one name a line; json: {\"function\":...}.",
        "Default: ${DEFAULT-VALUE}."})
    private Format format;

    @Override
    int execute(Session session) {
        session.requireNoTransaction("functions");
        PrintWriter out = session.io().out();
        for (String function : session.store().functions()) {
            out.println(format == Format.json ? "{\"function\":" + JsonText.string(function) + "}"
                    : ShellWords.quote(function));
        }
        return ExitCode.OK;
    }
}
