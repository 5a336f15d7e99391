package io.kv4j.cli;

import picocli.CommandLine.Option;

/** The {@code --help} option of each command, which shows that command's own help. */
final class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    private boolean help;
}
