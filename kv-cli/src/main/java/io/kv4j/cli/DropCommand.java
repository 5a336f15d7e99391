package io.kv4j.cli;

import io.kv4j.KvStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kv drop}: deletes every key of a function. */
@Command(name = "drop",
        description = {
            "Delete every key of a function.",
            "Atomically, after asking; --yes does not ask, for scripts."},
        exitCodeList = {ExitCode.OK_LINE, "1:failed or refused, or not confirmed: nothing was"
                + " deleted", ExitCode.USAGE_LINE})
final class DropCommand extends StoreCommand {

    @Option(names = {"-f", "--function"}, required = true, paramLabel = "FUNCTION",
            description = "The function whose keys to delete.")
    private String function;

    @Option(names = {"-y", "--yes"}, description = "Delete without asking.")
    private boolean yes;

    @Override
    boolean writes() {
        return true;
    }

    @Override
    int execute(Session session) {
        session.requireNoTransaction("drop");
        KvStore store = session.store();
        String name = "function " + ShellWords.quote(function);
        if (!yes) {
            long keys = CountCommand.count(store.reader(function), "");
            if (keys > 0 && !session.confirm("Delete " + (keys == 1 ? "the 1 key" : "all "
                    + Words.count(keys, "key")) + " of " + name + " on " + store.url() + "?")) {
                throw new IllegalStateException("not confirmed: nothing was deleted");
            }
        }
        long deleted = store.deleteAll(function);
        session.io().err().println("deleted " + Words.count(deleted, "key") + " of " + name);
        return ExitCode.OK;
    }
}
