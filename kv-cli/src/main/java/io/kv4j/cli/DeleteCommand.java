package io.kv4j.cli;

import io.kv4j.KvPage;
import io.kv4j.KvReader;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code kv delete}: deletes keys, given or by prefix. */
@Command(name = "delete",
        description = {
            "Delete keys, given or by prefix, in one request.",
            "A missing key is no error. With --prefix, every key that starts with",
            "PREFIX is deleted atomically as one range, a key written into it",
            "meanwhile included, and how many is said on standard error."},
        exitCodeList = {ExitCode.OK_LINE, ExitCode.FAILED_LINE, ExitCode.USAGE_LINE})
final class DeleteCommand extends FunctionCommand {

    @Parameters(arity = "0..*", paramLabel = "KEY", description = "The keys.")
    private List<String> keys;

    @Option(names = "--prefix", paramLabel = "PREFIX",
            description = "Delete every key that starts with PREFIX instead.")
    private String prefix;

    /** A delete of keys, for {@link QuickLine}. */
    static DeleteCommand of(List<String> keys) {
        DeleteCommand command = new DeleteCommand();
        command.keys = keys;
        return command;
    }

    @Override
    boolean writes() {
        return true;
    }

    @Override
    int execute(Session session) {
        if ((keys == null) == (prefix == null)) {
            throw new ParameterException(commandLine(), prefix == null
                    ? "missing KEY, or --prefix PREFIX"
                    : "give keys or --prefix, not both");
        }
        if (prefix != null && prefix.isEmpty()) {
            throw new ParameterException(commandLine(), "an empty --prefix names every key;"
                    + " drop deletes every key of a function");
        }
        String f = session.function(function);
        if (keys != null) {
            session.request(f, kv -> {
                keys.forEach(kv::delete);
                return null;
            });
            return ExitCode.OK;
        }
        long deleted = session.request(f, kv -> {
            // counted in the same request: a key written meanwhile makes it run again
            long n = 0;
            String cursor = null;
            do {
                KvPage page = kv.list(prefix, cursor, KvReader.MAX_PAGE_SIZE);
                n += page.keys().size();
                cursor = page.cursor();
            } while (cursor != null);
            kv.deletePrefix(prefix);
            return n;
        });
        session.io().err().println("deleted " + Words.count(deleted, "key") + " of function "
                + ShellWords.quote(f) + " starting with " + ShellWords.quote(prefix));
        return ExitCode.OK;
    }
}
