package io.kv4j.cli;

import io.kv4j.cli.JsonText.Stored;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kv get}: prints a value. */
@Command(name = "get",
        description = {
            "Print the value of a key as JSON.",
            "Numbers print as they were written. A missing key prints nothing and",
            "exits with 3; a stored null prints null."},
        exitCodeList = {ExitCode.OK_LINE, ExitCode.FAILED_LINE, ExitCode.USAGE_LINE,
            ExitCode.MISSING_LINE})
final class GetCommand extends FunctionCommand {

    @Parameters(index = "0", paramLabel = "KEY", description = "The key.")
    private String key;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = {
        "text: the value; json: {\"key\":...,\"value\":...}.",
        "Default: ${DEFAULT-VALUE}."})
    private Format format;

    @Override
    int execute(Session session) {
        String json = session.request(session.function(function), kv -> {
            if (!kv.has(key)) {
                return null;
            }
            Stored value = kv.get(key, Stored.class);
            return value == null ? "null" : value.json();
        });
        if (json == null) {
            return ExitCode.MISSING;
        }
        session.io().out().println(format == Format.json
                ? JsonText.object(List.of("key", key), json) : json);
        return ExitCode.OK;
    }
}
