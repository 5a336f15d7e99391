package io.kv4j.cli;

import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Tab completion in the interactive shell: commands, their options, function names, and the
 * keys of the current function, read from the store, written as the shell reads them.
 */
final class Completion implements Parser, Completer {

    /** The most keys offered at once. */
    static final int MOST_KEYS = 200;

    private final Shell shell;

    Completion(Shell shell) {
        this.shell = shell;
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        return new Words(ShellWords.splitForCompletion(line.substring(0, cursor)), line, cursor);
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        try {
            for (String value : candidates(line.words(), line.wordIndex())) {
                candidates.add(new Candidate(value, value, null, null, null, null, true));
            }
        } catch (RuntimeException e) {
            // an unreachable store offers no keys; typing goes on
        }
    }

    /** What may stand at word {@code index} of a line. */
    List<String> candidates(List<String> words, int index) {
        CommandLine commands = shell.commands();
        if (index == 0) {
            return List.copyOf(commands.getSubcommands().keySet());
        }
        String verb = words.get(0);
        CommandLine command = commands.getSubcommands().get(verb);
        if (command == null) {
            return List.of();
        }
        String word = words.get(index);
        CommandSpec spec = command.getCommandSpec();
        if (word.startsWith("-")) {
            return spec.options().stream().flatMap(o -> List.of(o.names()).stream()).toList();
        }
        String previous = words.get(index - 1);
        if (verb.equals("help")) {
            return List.copyOf(commands.getSubcommands().keySet());
        }
        if (verb.equals("use") || previous.equals("-f") || previous.equals("--function")) {
            return shell.store().functions().stream().map(ShellWords::quote).toList();
        }
        boolean keys = spec.userObject() instanceof FunctionCommand
                && (previous.equals("--after") || previous.equals("--prefix")
                        || !positionalBefore(spec, words, index) || severalKeys(spec));
        if (!keys || shell.currentFunction() == null) {
            return List.of();
        }
        String prefix = word.startsWith("\"") ? ShellWords.unquote(word + (word.endsWith("\"")
                && word.length() > 1 ? "" : "\"")) : word;
        return shell.store().reader(shell.currentFunction()).list(prefix, null, MOST_KEYS).keys()
                .stream().map(ShellWords::quote).toList();
    }

    /** Whether a command takes several keys, as get and delete do. */
    private static boolean severalKeys(CommandSpec spec) {
        return !spec.positionalParameters().isEmpty()
                && spec.positionalParameters().get(0).arity().max() > 1;
    }

    /** Whether a word before the one at index is a positional parameter, such as a key. */
    private static boolean positionalBefore(CommandSpec spec, List<String> words, int index) {
        for (int i = 1; i < index; i++) {
            String w = words.get(i);
            OptionSpec option = w.startsWith("-") ? spec.findOption(w) : null;
            if (option == null) {
                return true;
            }
            if (option.arity().max() > 0) {
                i++;
            }
        }
        return false;
    }

    /**
     * The words up to the cursor; the last one is being completed. Candidates are written as the
     * shell reads them already, so they need no escaping.
     */
    private record Words(List<String> words, String line, int cursor)
            implements CompletingParsedLine {

        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            return candidate;
        }

        @Override
        public int rawWordCursor() {
            return wordCursor();
        }

        @Override
        public int rawWordLength() {
            return word().length();
        }

        @Override
        public String word() {
            return words.get(words.size() - 1);
        }

        @Override
        public int wordCursor() {
            return word().length();
        }

        @Override
        public int wordIndex() {
            return words.size() - 1;
        }
    }
}
