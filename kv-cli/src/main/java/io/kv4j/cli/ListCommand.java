package io.kv4j.cli;

import io.kv4j.KvReader;
import io.kv4j.KvStore;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kv list}: one page of entries by prefix. */
@Command(name = "list", description = {
    "List the entries whose keys start with PREFIX, in key order, one KEY JSON per line.",
    "A full page ends with '# more: --after CURSOR': pass that to get the next page."})
final class ListCommand extends OneShotCommand {

    @Parameters(arity = "0..1", paramLabel = "PREFIX", defaultValue = "",
            description = "The key prefix. Default: every key.")
    private String prefix;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "" + KvReader.DEFAULT_PAGE_SIZE,
            description = "The most entries to print, 1 to " + KvReader.MAX_PAGE_SIZE
                    + ". Default: ${DEFAULT-VALUE}.")
    private int limit;

    @Option(names = "--after", paramLabel = "CURSOR",
            description = "List the keys after this one: the cursor a previous page ended with.")
    private String after;

    @Override
    void execute(KvStore store, PrintWriter out) {
        JsonText.printPage(store.reader(function).list(prefix, after, limit), out);
    }
}
