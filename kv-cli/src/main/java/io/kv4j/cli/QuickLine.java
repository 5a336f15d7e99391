package io.kv4j.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the plainest one-shot command lines without picocli: {@code get}, {@code has},
 * {@code set KEY JSON} and {@code delete} with their keys, {@code --function} (or {@code -f})
 * and {@code --url}. After the JVM's own start, picocli reading the commands' annotations is
 * the largest part of such a command's time, and its classes, compiled for Java 5, cannot be
 * archived with the rest. Any other line, or a word that does not convert, is left to picocli,
 * which then reads it and tells every usage error and help as it always does; an error in the
 * work of a command read here builds picocli's command line then, to be told the same way.
 */
final class QuickLine {

    private QuickLine() {
    }

    /** The command this line runs, ready to execute; null when picocli is to read it. */
    static StoreCommand read(String[] args) {
        if (args.length < 2) {
            return null;
        }
        String url = null;
        String function = null;
        List<String> words = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            String name = arg.startsWith("--") && arg.contains("=")
                    ? arg.substring(0, arg.indexOf('=')) : arg;
            String value;
            if (!name.equals(arg)) {
                value = arg.substring(name.length() + 1);
            } else if (List.of("--url", "--function", "-f").contains(arg)
                    && i + 1 < args.length) {
                value = args[++i];
            } else if (arg.isEmpty() || arg.startsWith("-")) {
                return null;
            } else {
                words.add(arg);
                continue;
            }
            // an option given twice, or a value that picocli might read as an option
            if (value.isEmpty() || value.startsWith("-")) {
                return null;
            }
            if (name.equals("--url") && url == null) {
                url = value;
            } else if ((name.equals("--function") || name.equals("-f")) && function == null) {
                function = value;
            } else {
                return null;
            }
        }
        if (function == null) {
            return null;
        }
        try {
            StoreCommand command = command(args[0], words);
            if (command != null) {
                command.url = url == null ? null : ShellWords.unquote(url);
                ((FunctionCommand) command).function = ShellWords.unquote(function);
            }
            return command;
        } catch (RuntimeException e) {
            // a word that does not convert: picocli tells which
            return null;
        }
    }

    private static StoreCommand command(String name, List<String> words) {
        List<String> keys = name.equals("set") ? List.of()
                : words.stream().map(ShellWords::unquote).toList();
        return switch (name) {
            case "get" -> keys.isEmpty() ? null : GetCommand.of(keys);
            case "has" -> keys.size() == 1 ? HasCommand.of(keys.get(0)) : null;
            case "delete" -> keys.isEmpty() ? null : DeleteCommand.of(keys);
            // the value is JSON as written, read by the converter picocli uses
            case "set" -> words.size() == 2 ? SetCommand.of(ShellWords.unquote(words.get(0)),
                    new SetCommand.JsonConverter().convert(words.get(1))) : null;
            default -> null;
        };
    }
}
