package io.kv4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/** {@code kv set}: writes one value. */
@Command(name = "set",
        description = {
            "Set a key to a JSON value.",
            "The value is written after KEY, or read from a file.",
            "Example: kv set --function KT1 foo '{\"bar\":\"baz\"}'"},
        exitCodeList = {ExitCode.OK_LINE, ExitCode.FAILED_LINE, ExitCode.USAGE_LINE})
final class SetCommand extends FunctionCommand {

    @Parameters(index = "0", paramLabel = "KEY", description = "The key.")
    private String key;

    @Parameters(index = "1", arity = "0..1", paramLabel = "JSON", converter = JsonConverter.class,
            description = "The value as JSON; a string is quoted: '\"text\"'.")
    private Json value;

    @Option(names = "--value-file", paramLabel = "FILE", description = {
        "Read the value from FILE instead, as UTF-8 JSON;",
        "- reads it from standard input."})
    private Path valueFile;

    @Option(names = "--if-version", paramLabel = "VERSIONSTAMP", description = {
        "Set only if the key still has this versionstamp (kv get --with-version),",
        "or, given none, only if the key does not exist; else fail, writing nothing."})
    private String ifVersion;

    /** A set of a key to a value given on the command line, for {@link QuickLine}. */
    static SetCommand of(String key, Json value) {
        SetCommand command = new SetCommand();
        command.key = key;
        command.value = value;
        return command;
    }

    @Override
    boolean writes() {
        return true;
    }

    @Override
    int execute(Session session) throws IOException {
        if ((value == null) == (valueFile == null)) {
            throw new ParameterException(commandLine(), valueFile == null
                    ? "Missing the value: give JSON after KEY, or --value-file FILE"
                    : "Give the value once: as JSON after KEY, or with --value-file");
        }
        Object json = valueFile != null ? JsonText.parse(read(session)) : value.value();
        session.request(session.function(function), kv -> {
            if (ifVersion != null) {
                kv.check(key, ifVersion.equals("none") ? null : ifVersion);
            }
            kv.set(key, json);
            return null;
        });
        return ExitCode.OK;
    }

    private String read(Session session) throws IOException {
        if (valueFile.toString().equals("-")) {
            if (!session.standardInputFree()) {
                throw new ParameterException(commandLine(), "--value-file - reads standard"
                        + " input, which carries the shell's commands; name a file");
            }
            return Utf8.read(session.io().in(), "the value on standard input");
        }
        try (InputStream in = Files.newInputStream(valueFile)) {
            return Utf8.read(in, "the value in " + valueFile);
        }
    }

    /** A parsed value, which may be JSON null. */
    record Json(Object value) {
    }

    /** Bad JSON is bad usage: picocli reports it with the parameter it was given for. */
    static final class JsonConverter implements ITypeConverter<Json> {
        @Override
        public Json convert(String text) {
            try {
                return new Json(JsonText.parse(text));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
