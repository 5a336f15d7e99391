package io.kv4j.cli;

import io.kv4j.KvStore;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kv delete}: deletes one key in a request of its own. */
@Command(name = "delete", description = "Delete KEY, in one request; a missing key is no error.")
final class DeleteCommand extends OneShotCommand {

    @Parameters(index = "0", paramLabel = "KEY", description = "The key, as it is.")
    private String key;

    @Override
    void execute(KvStore store, PrintWriter out) {
        store.run(function, kv -> {
            kv.delete(key);
            return null;
        });
    }
}
