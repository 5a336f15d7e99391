package io.kv4j.cli;

import io.kv4j.Kv;
import io.kv4j.KvStore;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * What a store command works on. A one-shot command ({@code kv get ...}) opens its store and
 * closes it when done; a line of the shell works on the shell's store, function and open
 * transaction. The commands are the same classes either way, so they behave the same.
 */
interface Session extends AutoCloseable {

    /** Where the command reads and writes. */
    Io io();

    /**
     * The store, opened on first use.
     *
     * @throws picocli.CommandLine.ParameterException when a one-shot would write to a store that
     *     is gone when the command ends
     */
    KvStore store();

    /**
     * The function a command works on: the one given with {@code --function}, else the shell's.
     *
     * @param given the option's value, or null
     */
    String function(String given);

    /**
     * Runs a body in the shell's open transaction, or else as a request of its own.
     *
     * @throws IllegalStateException when the open transaction is of another function
     */
    <T> T request(String function, Function<Kv, T> body);

    /**
     * Refuses a command that works on the store as a whole while a transaction is open: it
     * could not join the transaction, and would not see its writes.
     *
     * @param command the command's name, for the message
     */
    void requireNoTransaction(String command);

    /** Whether a person reads the results as they are typed: the shell at its prompt. */
    boolean interactive();

    /** Whether standard input is free for data; in the shell it carries the commands. */
    boolean standardInputFree();

    /**
     * Asks a person to confirm.
     *
     * @return whether they said yes
     * @throws picocli.CommandLine.ParameterException when nobody can be asked
     */
    boolean confirm(String question);

    /** Whether an answer to {@link #confirm} says yes. */
    static boolean isYes(String answer) {
        return answer != null && Set.of("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT));
    }

    /** Closes what the session opened for one command. */
    @Override
    void close();
}
