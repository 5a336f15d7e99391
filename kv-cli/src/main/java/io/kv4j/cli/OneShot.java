package io.kv4j.cli;

import io.kv4j.Kv;
import io.kv4j.KvStore;
import io.kv4j.common.Capability;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Function;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine;

/** The session of a one-shot command: it opens the store, and closes it when done. */
final class OneShot implements Session {

    private final StoreCommand command;
    private final Io io;
    private final boolean ownProcess;
    private KvStore store;

    /**
     * @param ownProcess whether the JVM ends with the command, so that a store not shared with
     *     other processes is gone when it ends
     */
    OneShot(StoreCommand command, Io io, boolean ownProcess) {
        this.command = command;
        this.io = io;
        this.ownProcess = ownProcess;
    }

    @Override
    public Io io() {
        return io;
    }

    @Override
    public KvStore store() {
        if (store == null) {
            store = OpenStore.oneShot(command.url != null ? command.url : DefaultStore.url(io), io);
            checkItOutlivesTheCommand();
        }
        return store;
    }

    /**
     * A store that lives no longer than the command is empty when it opens and gone when it
     * closes: {@code kv:memory:}, private to the command's store, and {@code kv:memory:NAME}
     * too, shared in the JVM only, which ends with the kv command. One rule for both: a write
     * there would be lost without a word, so it is refused, and a read is warned about. In a
     * JVM that outlives the command, a store shared in it is only warned about.
     */
    private void checkItOutlivesTheCommand() {
        Set<Capability> capabilities = store.info().capabilities();
        String name = command.name();
        String shared = "name a store that outlives it with --url or " + KvStore.URL_ENVIRONMENT
                + ", such as kv:postgresql://host/db, or run kv shell, whose store lives until"
                + " it ends";
        boolean local = !capabilities.contains(Capability.SHARED_ACROSS_PROCESSES);
        if (capabilities.contains(Capability.PRIVATE_TO_STORE) || local && ownProcess) {
            String url = store.url();
            String lives = capabilities.contains(Capability.PRIVATE_TO_STORE)
                    ? " is private to this command" : " lives in this command's process only";
            if (command.writes()) {
                store.close();
                throw new ParameterException(command.commandLine(), url + lives
                        + ": what " + name + " writes would be lost when it ends; " + shared);
            }
            io.err().println("warning: " + url + lives + " and starts empty; " + shared);
        } else if (command.writes()
                && !capabilities.contains(Capability.SHARED_ACROSS_PROCESSES)) {
            io.err().println("warning: " + store.url() + " is not shared with other processes:"
                    + " what " + name + " writes is gone when this process ends");
        }
    }

    @Override
    public String function(String given) {
        if (given == null) {
            throw new ParameterException(command.commandLine(),
                    "missing --function FUNCTION");
        }
        return given;
    }

    @Override
    public <T> T request(String function, Function<Kv, T> body) {
        return store().run(function, body::apply);
    }

    @Override
    public void requireNoTransaction(String name) {
        // a one-shot command never runs in a transaction
    }

    @Override
    public boolean interactive() {
        return false;
    }

    @Override
    public boolean standardInputFree() {
        return true;
    }

    @Override
    public boolean confirm(String question) {
        CommandLine line = command.commandLine();
        if (!io.terminal()) {
            throw new ParameterException(line, "nobody can confirm: standard input is not a"
                    + " terminal; pass --yes to " + command.name() + " without asking");
        }
        io.err().print(question + " [y/N] ");
        io.err().flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(io.in(),
                    StandardCharsets.UTF_8)).readLine();
            return Session.isYes(answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
        }
    }
}
