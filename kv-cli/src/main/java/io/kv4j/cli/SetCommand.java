package io.kv4j.cli;

import io.kv4j.KvStore;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/** {@code kv set}: writes one value in a request of its own. */
@Command(name = "set", description = {
    "Set KEY to a value written as JSON, in one request.",
    "Example: kv set --function KT1 foo '{\"bar\":\"baz\"}'"})
final class SetCommand extends OneShotCommand {

    @Parameters(index = "0", paramLabel = "KEY", description = "The key, as it is.")
    private String key;

    @Parameters(index = "1", paramLabel = "JSON", converter = JsonConverter.class,
            description = "The value as JSON; a string is quoted: '\"text\"'.")
    private Object value;

    @Override
    void execute(KvStore store, PrintWriter out) {
        store.run(function, kv -> {
            kv.set(key, value);
            return null;
        });
    }

    /** Bad JSON is bad usage: picocli reports it with the parameter it was given for. */
    static final class JsonConverter implements ITypeConverter<Object> {
        @Override
        public Object convert(String text) {
            try {
                return JsonText.parse(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
