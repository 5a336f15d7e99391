package io.kv4j.cli;

import picocli.CommandLine;

/**
 * The root of a command line: {@code kv} itself, or the shell, whose lines are parsed by the
 * same command classes. It decides what a store command works on and how errors are told.
 */
interface Context {

    /** Where the commands read and write. */
    Io io();

    /**
     * The session a store command runs in.
     *
     * @param command the command, with its {@code --url} and whether it writes
     */
    Session open(StoreCommand command);

    /** What an error message starts with after {@code error: }, such as {@code line 3: }. */
    String where();

    /** How to get a command's help, said after a usage error. */
    String helpHint(CommandLine command);

    /** The context of a parsed command: its root's. */
    static Context of(CommandLine command) {
        return (Context) command.getCommandSpec().root().userObject();
    }
}
