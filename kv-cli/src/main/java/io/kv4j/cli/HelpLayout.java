package io.kv4j.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Lays out help text at spaces before picocli sees it. picocli breaks a line that is too long
 * where Java's line breaker allows, which is also inside words such as {@code docs/SPEC.md} or
 * {@code kv.url}; text that already fits its column is never broken.
 */
final class HelpLayout {

    /** The columns before an option's description, besides its long name: see picocli's Help. */
    private static final int OPTION_COLUMNS = 9;

    private HelpLayout() {
    }

    /** Wraps the descriptions of a command and of all its subcommands. */
    static void wrapAtSpaces(CommandLine line) {
        CommandSpec spec = line.getCommandSpec();
        UsageMessageSpec usage = spec.usageMessage();
        usage.description(wrap(usage.description(), usage.width()));
        int column = usage.width() - OPTION_COLUMNS - longColumn(spec);
        for (OptionSpec option : new ArrayList<>(spec.options())) {
            String[] wrapped = wrap(option.description(), column);
            if (wrapped.length != option.description().length) {
                spec.remove(option);
                spec.addOption(option.toBuilder().description(wrapped).build());
            }
        }
        for (CommandLine sub : line.getSubcommands().values()) {
            wrapAtSpaces(sub);
        }
    }

    /** The width picocli gives the column of long option names and positional labels. */
    private static int longColumn(CommandSpec spec) {
        int longest = 0;
        for (OptionSpec option : spec.options()) {
            String name = option.longestName();
            int label = option.arity().max() > 0 ? option.paramLabel().length() + 1 : 0;
            longest = Math.max(longest, name.length() + label);
        }
        for (PositionalParamSpec positional : spec.positionalParameters()) {
            longest = Math.max(longest, positional.paramLabel().length() + 2);
        }
        return Math.min(longest, spec.usageMessage().longOptionsMaxWidth());
    }

    /** Each line broken at spaces into lines of at most {@code width} characters. */
    static String[] wrap(String[] lines, int width) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String rest = line;
            while (rest.length() > width) {
                int space = rest.lastIndexOf(' ', width);
                if (space <= 0) {
                    space = rest.indexOf(' ', width);
                }
                if (space <= 0) {
                    break;
                }
                out.add(rest.substring(0, space));
                rest = rest.substring(space + 1);
            }
            out.add(rest);
        }
        return out.toArray(String[]::new);
    }
}
