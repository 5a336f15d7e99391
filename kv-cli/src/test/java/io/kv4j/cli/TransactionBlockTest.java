package io.kv4j.cli;

import static io.kv4j.cli.Cli.kvWithInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.KvStore;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A shell script's begin ... commit holds on every backend: an error inside the block applies
 * nothing of it, and the script fails.
 */
class TransactionBlockTest {

    static Stream<Arguments> storesAndBadLines() {
        return Stream.of("memory", "postgresql").flatMap(backend -> Stream.of(
                Arguments.of(backend, "set bob {\"amount\": 50,}"),
                Arguments.of(backend, "set \"\" 50"),
                Arguments.of(backend, "gett bob")));
    }

    private static String url(String backend) {
        return backend.equals("memory") ? "kv:memory:block-" + UUID.randomUUID()
                : Postgres.url(Postgres.newSchema());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("storesAndBadLines")
    void transfer_withABadLineInTheBlock_appliesNothingOfItAndFails(String backend, String bad) {
        String url = url(backend);
        try (KvStore store = KvStore.open(url)) {
            Cli run = kvWithInput(String.join("\n", "use Transfer", "set alice 100", "set bob 0",
                    "begin", "set alice 50", bad, "commit", ""), "shell", "--url", url);

            assertEquals(1, run.exitCode, run::toString);
            assertEquals(Map.of("alice", 100L, "bob", 0L), Map.of(
                    "alice", store.reader("Transfer").get("alice"),
                    "bob", store.reader("Transfer").get("bob")));
            assertTrue(run.err.contains("error: line 7: the transaction was aborted at line 6:"
                    + " nothing of it was committed"), run::toString);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void transfer_withoutErrors_commitsBothWrites(String backend) {
        String url = url(backend);
        try (KvStore store = KvStore.open(url)) {
            Cli run = kvWithInput(String.join("\n", "use Transfer", "set alice 100", "set bob 0",
                    "begin", "set alice 50", "set bob {\"amount\": 50}", "commit", ""),
                    "shell", "--url", url);

            assertEquals(0, run.exitCode, run::toString);
            assertEquals(50L, store.reader("Transfer").get("alice"));
            assertEquals(Map.of("amount", 50L), store.reader("Transfer").get("bob"));
        }
    }

    static Stream<String> backends() {
        return Stream.of("memory", "postgresql");
    }
}
