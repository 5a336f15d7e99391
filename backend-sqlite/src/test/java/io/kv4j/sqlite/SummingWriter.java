package io.kv4j.sqlite;

import io.kv4j.spi.Commit.Write;
import io.kv4j.spi.KvBackend;
import io.kv4j.spi.Mutation;
import java.math.BigInteger;
import java.nio.file.Path;

/**
 * The other processes of {@link ProcessesTest}'s sums: adds 1 to {@code n} of function
 * {@code F} as many times as told, one commit of one mutation each, straight through the SPI,
 * then prints {@code done}; any failure, a conflict included, ends it with an exception.
 * Arguments: the file and the count.
 */
public final class SummingWriter {

    private SummingWriter() {
    }

    /**
     * Runs the sums.
     *
     * @param args the file and how many sums
     */
    public static void main(String[] args) {
        sum(Path.of(args[0]), Integer.parseInt(args[1]));
        System.out.println("done");
    }

    /** Adds 1 to {@code n} of function {@code F} of a file, {@code times} times. */
    static void sum(Path file, int times) {
        try (KvBackend backend = Spi.open(file)) {
            for (int i = 0; i < times; i++) {
                Spi.write(backend, Write.mutate("F", "n", Mutation.sum(BigInteger.ONE)));
            }
        }
    }
}
