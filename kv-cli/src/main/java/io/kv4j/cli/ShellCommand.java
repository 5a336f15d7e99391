package io.kv4j.cli;

import io.kv4j.KvStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code kv shell}: commands typed at a prompt, or read from a script. */
@Command(name = "shell",
        description = {
            "Read commands, one per line, from FILE or standard input; prompt when a person types.",
            "A script goes on after a failing line, and then exits with code 1."},
        footer = {"%n" + Shell.HELP})
final class ShellCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Mixin
    private StoreOption store;

    @Option(names = {"-f", "--function"}, paramLabel = "FUNCTION",
            description = "The function to start with; else type use FUNCTION.")
    private String function;

    @Option(names = "--echo",
            description = "Print each line of a script, after a prompt, before its output.")
    private boolean echo;

    @Parameters(arity = "0..1", paramLabel = "FILE",
            description = "A script of commands, in UTF-8. Default: standard input.")
    private Path file;

    @Override
    public Integer call() throws IOException {
        Io io = main.io();
        try (BufferedReader in = file != null
                        ? Files.newBufferedReader(file, StandardCharsets.UTF_8)
                        : new BufferedReader(new InputStreamReader(io.in(),
                                StandardCharsets.UTF_8));
                KvStore opened = store.open()) {
            Shell shell = new Shell(opened, io.out(), io.err());
            if (function != null) {
                shell.use(function);
            }
            Shell.Mode mode = file == null && io.terminal() ? Shell.Mode.INTERACTIVE
                    : echo ? Shell.Mode.ECHO : Shell.Mode.SCRIPT;
            return shell.run(in, mode);
        }
    }
}
