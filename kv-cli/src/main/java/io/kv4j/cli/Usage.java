package io.kv4j.cli;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A usage error in kv's own words: picocli's messages name parameters by index and suggest in
 * their own phrasing, so each kind it raises is told here from what it carries (the unmatched
 * words, the missing or repeated option, the value that did not convert). A usage error that
 * kv itself raised is already in its words and is kept.
 */
final class Usage {

    private Usage() {
    }

    /**
     * The message of a usage error.
     *
     * @param e the error
     * @param args the words of the command line, to tell a missing option value from a missing
     *     option
     */
    static String message(ParameterException e, List<String> args) {
        if (e instanceof UnmatchedArgumentException u) {
            return unmatched(u);
        }
        if (e instanceof MissingParameterException m && !m.getMissing().isEmpty()) {
            return missing(m.getMissing(), args);
        }
        if (e instanceof OverwrittenOptionException o && o.getOverwritten() != null) {
            return name(o.getOverwritten()) + " is given twice; give it once";
        }
        if (e.getArgSpec() != null && e.getCause() != null) {
            return badValue(e.getArgSpec(), e.getValue(), e.getCause());
        }
        return Errors.message(e);
    }

    private static String unmatched(UnmatchedArgumentException u) {
        List<String> words = u.getUnmatched();
        String first = words.isEmpty() ? "" : words.get(0);
        if (u.isUnknownOption()) {
            String option = words.stream().filter(w -> w.startsWith("-")).findFirst().orElse(first);
            String name = option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
            return "unknown option " + Errors.quote(name) + suggestions(u);
        }
        CommandLine command = u.getCommandLine();
        if (!command.getSubcommands().isEmpty()) {
            return "unknown command " + Errors.quote(first) + suggestions(u);
        }
        return (words.size() == 1 ? "unexpected argument " : "unexpected arguments ")
                + words.stream().map(Errors::quote).collect(Collectors.joining(" "))
                + "; a word with spaces is written as one argument";
    }

    private static String suggestions(UnmatchedArgumentException u) {
        List<String> names = u.getSuggestions();
        if (names.isEmpty()) {
            return "";
        }
        String last = names.get(names.size() - 1);
        return "; did you mean " + (names.size() == 1 ? last
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + last) + "?";
    }

    private static String missing(List<ArgSpec> specs, List<String> args) {
        ArgSpec spec = specs.get(0);
        if (spec instanceof OptionSpec option
                && Arrays.stream(option.names()).anyMatch(args::contains)) {
            return name(option) + " needs a value: " + option.paramLabel();
        }
        return "missing " + specs.stream().map(s -> s instanceof OptionSpec o
                ? o.longestName() + " " + o.paramLabel() : s.paramLabel())
                .collect(Collectors.joining(" and "));
    }

    /** A value that did not convert: what was expected, in kv's words where picocli's are its own. */
    private static String badValue(ArgSpec spec, String value, Throwable cause) {
        Class<?> type = spec.type();
        String shown = Errors.quote(value);
        if (type.isEnum()) {
            return name(spec) + " must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", ")) + " but was "
                    + shown;
        }
        if (type == Integer.class || type == int.class || type == Long.class
                || type == long.class) {
            return name(spec) + " must be a whole number but was " + shown;
        }
        if (cause instanceof TypeConversionException) {
            // kv's own converters, such as that of JSON values, say the whole of it
            return Errors.message(cause);
        }
        return name(spec) + " cannot be " + shown + ": " + Errors.message(cause);
    }

    private static String name(ArgSpec spec) {
        return spec instanceof OptionSpec option ? option.longestName() : spec.paramLabel();
    }
}
