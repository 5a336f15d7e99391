package io.kv4j.cli;

import java.math.BigInteger;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code kv sum}: adds to a key's integer, or keeps it at a minimum or maximum. */
@Command(name = "sum",
        description = {
            "Add N to the integer a key holds, atomically.",
            "A missing key becomes N; exact at any size. With --min or --max, keep",
            "the smaller or the greater of the value and N instead. Prints the new",
            "value, read in the same request (so a concurrent write of the key makes",
            "it run again; the API's sum alone never conflicts). A value that is not",
            "an integer is an error."},
        exitCodeList = {ExitCode.OK_LINE, ExitCode.FAILED_LINE, ExitCode.USAGE_LINE})
final class SumCommand extends FunctionCommand {

    @Parameters(index = "0", paramLabel = "KEY", description = "The key.")
    private String key;

    @Parameters(index = "1", paramLabel = "N", description = "An integer, such as 1 or -5.")
    private String number;

    @Option(names = "--min", description = "Keep the smaller of the value and N.")
    private boolean min;

    @Option(names = "--max", description = "Keep the greater of the value and N.")
    private boolean max;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = {
        "text: the new value; json: {\"key\":...,\"value\":...}.",
        "Default: ${DEFAULT-VALUE}."})
    private Format format;

    @Override
    boolean writes() {
        return true;
    }

    @Override
    int execute(Session session) {
        if (min && max) {
            throw new ParameterException(spec.commandLine(), "--min and --max exclude each other");
        }
        BigInteger n;
        try {
            n = new BigInteger(number);
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), "N must be an integer, such as 1 or"
                    + " -5, but was: " + number);
        }
        String value = session.request(session.function(function), kv -> {
            if (min) {
                kv.min(key, n);
            } else if (max) {
                kv.max(key, n);
            } else {
                kv.sum(key, n);
            }
            return JsonText.compact(kv.getEntry(key).json());
        });
        session.io().out().println(format == Format.json
                ? JsonText.object(List.of("key", key), value) : value);
        return ExitCode.OK;
    }
}
