package io.kv4j.cli;

import io.kv4j.KvStore;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** A command that opens the store, does one thing to one function's keys, and closes it. */
abstract class OneShotCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Mixin
    private StoreOption store;

    @Option(names = {"-f", "--function"}, required = true, paramLabel = "FUNCTION",
            description = "The function whose keys to read or write.")
    String function;

    @Override
    public final Integer call() {
        try (KvStore opened = store.open()) {
            execute(opened, main.io().out());
        }
        return 0;
    }

    /** Does the work, printing any result. */
    abstract void execute(KvStore store, PrintWriter out);
}
