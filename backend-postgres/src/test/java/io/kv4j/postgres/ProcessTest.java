package io.kv4j.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.kv4j.KvStore;
import io.kv4j.spi.Commit;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Another JVM on the same database: its commits reach our cache, and survive its death. */
class ProcessTest {

    @Test
    void commitOfAnotherProcess_isSeenByAReadStartedAfterIt() throws Exception {
        String schema = TestServer.freshSchema("proc");
        try (PostgresBackend b = Backends.listening(Backends.backend(schema))) {
            b.commit(Commit.of(List.of(), List.of(), List.of(Commit.Write.put("F", "k",
                    "\"before\"".getBytes(StandardCharsets.UTF_8)))));
            b.read("F", "k");
            assertNotNull(b.cache().get("F", "k"), "the value is cached");

            Process child = start("exit", schema, "k", "after");
            awaitCommitted(child);
            child.waitFor(30, TimeUnit.SECONDS);

            assertEquals("\"after\"", new String(b.read("F", "k").value(),
                    StandardCharsets.UTF_8));
        }
    }

    @Test
    void commitThatReturned_survivesKillingTheProcess() throws Exception {
        String schema = TestServer.freshSchema("proc");
        Backends.backend(schema, "cache", "false").close();
        Process child = start("hang", schema, "k", "durable");
        awaitCommitted(child);

        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        try (KvStore reopened = Backends.store(schema)) {
            assertEquals("durable", reopened.reader("F").get("k"));
        }
    }

    private static Process start(String mode, String schema, String key, String value)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                new File(System.getProperty("java.home"), "bin/java").getPath(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), ChildWriter.class.getName(), mode,
                TestServer.get().url(), "F", key, value));
        for (Map.Entry<String, String> o : Backends.options(schema).entrySet()) {
            command.add(o.getKey() + "=" + o.getValue());
        }
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static void awaitCommitted(Process child) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            if (line.equals("COMMITTED")) {
                return;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("the child process ended without committing:\n" + seen);
    }
}
