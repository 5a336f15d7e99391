package io.kv4j.cli;

import static io.kv4j.cli.Cli.kv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.KvStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The help of every command: its own options and exit codes, never wrapped in a word. */
class HelpTest {

    private static final Io IO = new Io(null, new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()));

    /** kv and its commands, and the shell's commands, by name. */
    private static Map<String, CommandLine> everyCommand() {
        Map<String, CommandLine> all = new TreeMap<>();
        CommandLine kv = Main.commandLine(IO);
        all.put("kv", kv);
        kv.getSubcommands().forEach((name, c) -> all.put("kv " + name, c));
        try (KvStore store = KvStore.open("kv:memory:")) {
            CommandLine shell = new Shell(store, IO, Shell.Mode.SCRIPT).commands();
            all.put("shell", shell);
            shell.getSubcommands().forEach((name, c) -> all.put("shell " + name, c));
        }
        return all;
    }

    private static String usage(CommandLine command, int width) {
        command.getCommandSpec().usageMessage().width(width);
        return command.getUsageMessage();
    }

    @Test
    void aCommandLineBuiltForOneCommand_helpsAsTheOneWithEveryCommand() {
        Main.commandLine(IO).getSubcommands().forEach((name, command) -> {
            if (!name.equals("help") && !name.equals("bench")) {
                Cli alone = kv(name, "--help");
                assertEquals(command.getUsageMessage(), alone.out, name);
            }
        });
    }

    @Test
    void help_isLaidOutByHandAndNeverWrapped() {
        List<String> wrapped = new ArrayList<>();
        everyCommand().forEach((name, command) -> {
            String narrow = usage(command, 80);
            // at 80 columns picocli would break a line where it is too long, even in a word
            // such as "docs/SPEC.md"; the same help at 300 columns shows that it broke none
            if (!usage(command, 300).equals(narrow)) {
                wrapped.add(name + ":\n" + narrow);
            }
            for (String line : narrow.split("\\R")) {
                if (line.length() > 80) {
                    wrapped.add(name + ": " + line);
                }
            }
        });
        assertEquals(List.of(), wrapped);
    }

    @Test
    void eachStoreCommand_showsItsOwnOptionsAndExitCodes() {
        Cli get = kv("get", "--help");
        Cli set = kv("set", "--help");

        assertTrue(get.out.contains("--format=FORMAT"), get::toString);
        assertTrue(get.out.contains("\n  3   the key is missing"), get::toString);
        assertTrue(set.out.contains("--value-file=FILE"), set::toString);
        assertFalse(set.out.contains("\n  3 "), "set never exits with 3");
        assertFalse(set.out.contains("script"), "the shell's exit code is the shell's");
    }

    @Test
    void shellHelp_listsItsOptionsAndExitCodes() {
        Cli result = kv("shell", "--help");

        for (String text : List.of("[FILE]", "--url", "--function", "--echo",
                "\n  1   a line of a script failed")) {
            assertTrue(result.out.contains(text), text);
        }
    }

    @Test
    void benchHelp_isTheBenchmarksOwn() {
        Cli result = kv("bench", "--help");

        assertEquals(0, result.exitCode, result::toString);
        assertTrue(result.out.startsWith("Usage: kv bench [SUITE OPTIONS]"), result::toString);
        assertTrue(result.out.contains("The benchmarks are not on the class path"), result::toString);
    }

    @Test
    void tckHelp_isTheKitsOwn() {
        Cli result = kv("tck", "--help");

        assertEquals(0, result.exitCode, result::toString);
        assertTrue(result.out.contains("--report=DIR"), result::toString);
    }

    @Test
    void readme_listsTheCommandsAndExitCodesOfKvHelp() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        String section = readme.substring(readme.indexOf("## The `kv` command"));
        section = section.substring(0, section.indexOf("\n## ", 3));

        TreeSet<String> documented = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `kv (\\w+)").matcher(section);
        while (row.find()) {
            documented.add(row.group(1));
        }
        TreeSet<String> commands = new TreeSet<>();
        Main.commandLine(IO).getSubcommands().values()
                .forEach(command -> commands.add(command.getCommandName()));
        commands.remove("help");
        assertEquals(commands, documented);

        Map<String, String> codes = new TreeMap<>();
        Matcher code = Pattern.compile("(?m)^\\| (\\d) \\| (.+) \\|$").matcher(section);
        while (code.find()) {
            codes.put(code.group(1), code.group(2));
        }
        Map<String, String> help = new TreeMap<>();
        List<String> lines = new ArrayList<>(List.of(ExitCode.OK_LINE, ExitCode.FAILED_LINE,
                ExitCode.USAGE_LINE, ExitCode.MISSING_LINE));
        for (String line : lines) {
            help.put(line.substring(0, 1), line.substring(2));
        }
        help.put("1", help.get("1") + "; " + ExitCode.SCRIPT_MORE.substring(2));
        assertEquals(help, codes);
    }
}
