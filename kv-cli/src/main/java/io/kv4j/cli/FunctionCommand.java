package io.kv4j.cli;

import picocli.CommandLine.Option;

/** A command on the keys of one function. */
abstract class FunctionCommand extends StoreCommand {

    @Option(names = {"-f", "--function"}, paramLabel = "FUNCTION", description = {
        "The function whose keys to read or write;",
        "in the shell, the one chosen by use."})
    String function;
}
