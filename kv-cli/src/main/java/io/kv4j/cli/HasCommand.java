package io.kv4j.cli;

import io.kv4j.KvStore;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kv has}: whether a key exists. */
@Command(name = "has", description = "Print true when KEY exists (even holding null), else false.")
final class HasCommand extends OneShotCommand {

    @Parameters(index = "0", paramLabel = "KEY", description = "The key, as it is.")
    private String key;

    @Override
    void execute(KvStore store, PrintWriter out) {
        out.println(store.reader(function).has(key));
    }
}
