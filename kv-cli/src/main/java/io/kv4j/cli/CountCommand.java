package io.kv4j.cli;

import io.kv4j.KvPage;
import io.kv4j.KvReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kv count}: how many entries a function holds. */
@Command(name = "count",
        description = {
            "Print how many entries a function holds.",
            "Those whose keys start with PREFIX, counted in one request."},
        exitCodeList = {ExitCode.OK_LINE, ExitCode.FAILED_LINE, ExitCode.USAGE_LINE})
final class CountCommand extends FunctionCommand {

    @Parameters(arity = "0..1", paramLabel = "PREFIX", defaultValue = "",
            description = "The key prefix. Default: every key.")
    private String prefix;

    @Override
    int execute(Session session) {
        long count = session.request(session.function(function), kv -> count(kv, prefix));
        session.io().out().println(count);
        return ExitCode.OK;
    }

    /** How many keys start with a prefix, a page at a time. */
    static long count(KvReader reader, String prefix) {
        long n = 0;
        String cursor = null;
        do {
            KvPage page = reader.list(prefix, cursor, KvReader.MAX_PAGE_SIZE);
            n += page.entries().size();
            cursor = page.cursor();
        } while (cursor != null);
        return n;
    }
}
