package io.kv4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * One line of the shell, parsed by picocli: the shell's own commands, which choose the function
 * and open and end transactions, and the store commands of {@code kv}, the same classes.
 */
@Command(name = "",
        customSynopsis = "Type a command a line; help COMMAND shows its options.",
        commandListHeading = "%nCommands:%n",
        footer = {
            "",
            "Write a key or text with spaces as a JSON string: get \"my key\".",
            "A JSON value may hold spaces: set k {\"a\": [1, 2]}.",
            "Outside begin ... commit each command is a request of its own. Inside,",
            "any error aborts the transaction: nothing of it is committed, and later",
            "lines up to commit or rollback are refused. Lines starting with # are",
            "comments."},
        // the store commands follow, then help and quit: see commandLine()
        subcommands = {
            ShellLine.Use.class,
            ShellLine.Begin.class,
            ShellLine.Commit.class,
            ShellLine.Rollback.class})
final class ShellLine implements Context {

    private final Shell shell;

    private ShellLine(Shell shell) {
        this.shell = shell;
    }

    /** The command line of a shell's lines. */
    static CommandLine commandLine(Shell shell) {
        CommandLine line = new CommandLine(new ShellLine(shell));
        StoreCommand.ALL.forEach(line::addSubcommand);
        line.addSubcommand(HelpCommand.class);
        line.addSubcommand(Quit.class);
        return line;
    }

    @Override
    public Io io() {
        return shell.io();
    }

    @Override
    public Session open(StoreCommand command) {
        if (command.url != null) {
            throw new ParameterException(command.spec.commandLine(), "--url is given to kv shell"
                    + " when it starts; this shell works on " + shell.store().url());
        }
        return shell;
    }

    @Override
    public String where() {
        return shell.where();
    }

    @Override
    public String helpHint(CommandLine command) {
        return command.getParent() == null ? "Type help for the commands."
                : "Type help " + command.getCommandName() + " for more.";
    }

    @Command(name = "use", description = "Choose the function that the commands work on.")
    static final class Use implements Runnable {
        @ParentCommand
        private ShellLine line;

        @Parameters(paramLabel = "FUNCTION", description = "The function.")
        private String function;

        @Override
        public void run() {
            line.shell.use(function);
        }
    }

    @Command(name = "begin",
            description = "Open a transaction of the function: the next commands join it.")
    static final class Begin implements Runnable {
        @ParentCommand
        private ShellLine line;

        @Override
        public void run() {
            line.shell.begin();
        }
    }

    @Command(name = "commit", description = {
        "Commit the transaction's writes atomically.",
        "After an error in the transaction, nothing is committed and commit fails."})
    static final class Commit implements Runnable {
        @ParentCommand
        private ShellLine line;

        @Override
        public void run() {
            line.shell.commit();
        }
    }

    @Command(name = "rollback", description = "Discard the transaction's writes.")
    static final class Rollback implements Runnable {
        @ParentCommand
        private ShellLine line;

        @Override
        public void run() {
            line.shell.rollback();
        }
    }

    @Command(name = "quit", aliases = "exit",
            description = "Leave; an open transaction is rolled back.")
    static final class Quit implements Runnable {
        @ParentCommand
        private ShellLine line;

        @Override
        public void run() {
            line.shell.quit();
        }
    }
}
