package io.kv4j.cli;

import io.kv4j.Kv;
import io.kv4j.KvStore;
import io.kv4j.spi.Capability;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** The session of a one-shot command: it opens the store, and closes it when done. */
final class OneShot implements Session {

    private final StoreCommand command;
    private final Io io;
    private KvStore store;

    OneShot(StoreCommand command, Io io) {
        this.command = command;
        this.io = io;
    }

    @Override
    public Io io() {
        return io;
    }

    @Override
    public KvStore store() {
        if (store == null) {
            store = KvStore.open(command.url != null ? command.url : KvStore.defaultUrl());
            checkItOutlivesTheCommand();
        }
        return store;
    }

    /**
     * A store private to this command is empty when it opens and gone when it closes: a write
     * there would be lost without a word, so it is refused, and a read is warned about.
     */
    private void checkItOutlivesTheCommand() {
        Set<Capability> capabilities = store.info().capabilities();
        String name = command.spec.name();
        String shared = "name a store that outlives it with --url or " + KvStore.URL_ENVIRONMENT
                + ", such as kv:postgresql://host/db, or run kv shell, whose store lives until"
                + " it ends";
        if (capabilities.contains(Capability.PRIVATE_TO_STORE)) {
            String url = store.url();
            if (command.writes()) {
                store.close();
                throw new ParameterException(command.spec.commandLine(), url
                        + " is private to this command: what " + name + " writes would be lost"
                        + " when it ends; " + shared);
            }
            io.err().println("warning: " + url + " is private to this command and starts"
                    + " empty; " + shared);
        } else if (command.writes()
                && !capabilities.contains(Capability.SHARED_ACROSS_PROCESSES)) {
            io.err().println("warning: " + store.url() + " is not shared with other processes:"
                    + " what " + name + " writes is gone when this process ends");
        }
    }

    @Override
    public String function(String given) {
        if (given == null) {
            throw new ParameterException(command.spec.commandLine(),
                    "Missing required option: '--function=FUNCTION'");
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
    public boolean standardInputFree() {
        return true;
    }

    @Override
    public boolean confirm(String question) {
        CommandLine line = command.spec.commandLine();
        if (!io.terminal()) {
            throw new ParameterException(line, "nobody can confirm: standard input is not a"
                    + " terminal; pass --yes to " + command.spec.name() + " without asking");
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
