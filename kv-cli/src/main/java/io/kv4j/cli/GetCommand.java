package io.kv4j.cli;

import io.kv4j.KvStore;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kv get}: prints a committed value. */
@Command(name = "get", description = "Print the value of KEY as JSON; null when it is missing.")
final class GetCommand extends OneShotCommand {

    @Parameters(index = "0", paramLabel = "KEY", description = "The key, as it is.")
    private String key;

    @Override
    void execute(KvStore store, PrintWriter out) {
        out.println(JsonText.print(store.reader(function).get(key)));
    }
}
