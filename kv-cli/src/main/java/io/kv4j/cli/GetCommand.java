package io.kv4j.cli;

import io.kv4j.cli.JsonText.Stored;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kv get}: prints values. */
@Command(name = "get",
        description = {
            "Print the values of keys as JSON, each on a line of its own.",
            "Numbers print as they were written; a stored null prints null. All keys",
            "are read in one request. A missing key prints nothing when it is the only",
            "one; among several it prints an empty line (with --format json, an",
            "object without value), so that each key keeps its line. In the shell at",
            "a prompt it prints " + GetCommand.MISSING + ". Exits with 3 when a key is missing."},
        exitCodeList = {ExitCode.OK_LINE, ExitCode.FAILED_LINE, ExitCode.USAGE_LINE,
            ExitCode.MISSING_LINE})
final class GetCommand extends FunctionCommand {

    /** What a person at the shell's prompt reads for a missing key. */
    static final String MISSING = "(missing)";

    @Parameters(arity = "1..*", paramLabel = "KEY", description = "The keys.")
    private List<String> keys;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = {
        "text: the value; json: {\"key\":...,\"value\":...}.",
        "Default: ${DEFAULT-VALUE}."})
    private Format format;

    /** A get of keys with the default format, for {@link QuickLine}. */
    static GetCommand of(List<String> keys) {
        GetCommand command = new GetCommand();
        command.keys = keys;
        command.format = Format.text;
        return command;
    }

    @Override
    int execute(Session session) {
        List<String> values = session.request(session.function(function), kv -> {
            List<String> out = new ArrayList<>(keys.size());
            for (String key : keys) {
                if (!kv.has(key)) {
                    out.add(null);
                    continue;
                }
                Stored value = kv.get(key, Stored.class);
                out.add(value == null ? "null" : value.json());
            }
            return out;
        });
        PrintWriter out = session.io().out();
        boolean missing = false;
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            String json = values.get(i);
            missing |= json == null;
            if (json == null && session.interactive()) {
                out.println(MISSING);
            } else if (json == null && keys.size() > 1) {
                out.println(format == Format.json ? "{\"key\":" + JsonText.string(key) + "}" : "");
            } else if (json != null) {
                out.println(format == Format.json ? JsonText.object(List.of("key", key), json)
                        : json);
            }
        }
        return missing ? ExitCode.MISSING : ExitCode.OK;
    }
}
