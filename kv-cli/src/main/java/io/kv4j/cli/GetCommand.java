package io.kv4j.cli;

import io.kv4j.KvEntry;
import io.kv4j.KvReader;
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
            "a prompt it prints " + GetCommand.MISSING + ". Exits with 3 when a key is missing.",
            "With --with-version, each value follows its versionstamp, to pass to",
            "kv set --if-version."},
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

    @Option(names = "--with-version", description = {
        "Print each value after its versionstamp: VERSIONSTAMP JSON, or a",
        "\"versionstamp\" member with --format json."})
    private boolean withVersion;

    /** A get of keys with the default format, for {@link QuickLine}. */
    static GetCommand of(List<String> keys) {
        GetCommand command = new GetCommand();
        command.keys = keys;
        command.format = Format.text;
        return command;
    }

    @Override
    int execute(Session session) {
        List<String> stamps = new ArrayList<>(keys.size());
        List<String> values = session.request(session.function(function), kv -> {
            stamps.clear();
            List<String> out = new ArrayList<>(keys.size());
            for (int from = 0; from < keys.size(); from += KvReader.MAX_GET_MANY) {
                List<String> some = keys.subList(from, Math.min(keys.size(),
                        from + KvReader.MAX_GET_MANY));
                for (KvEntry entry : kv.getMany(some)) {
                    out.add(entry == null ? null : JsonText.compact(entry.json()));
                    stamps.add(entry == null ? null : entry.versionstamp());
                }
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
            } else if (json != null && withVersion) {
                out.println(format == Format.json ? JsonText.object(List.of("key", key,
                        "versionstamp", stamps.get(i)), json) : stamps.get(i) + " " + json);
            } else if (json != null) {
                out.println(format == Format.json ? JsonText.object(List.of("key", key), json)
                        : json);
            }
        }
        return missing ? ExitCode.MISSING : ExitCode.OK;
    }
}
