package io.kv4j.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kv4j.KvStore;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * KV-7.13 on PostgreSQL: requests on one hot key, with the engine's default options, all complete
 * and none is lost, from 64 threads of one JVM and from two processes at once.
 */
class HotKeyTest {

    private static final int PER_THREAD = 40;

    @Test
    void sixtyFourThreadsOfOneJvm_allComplete() throws Exception {
        String schema = TestServer.freshSchema("hot");
        int gaveUp = ChildCounter.increment(TestServer.get().url(), Backends.options(schema),
                "Hot", "n", 64, PER_THREAD);

        assertEquals(0, gaveUp, "requests that ended in KvConflictException");
        assertEquals(64L * PER_THREAD, count(schema));
    }

    @Test
    void twoProcessesOfThirtyTwoThreads_allComplete() throws Exception {
        String schema = TestServer.freshSchema("hot");
        Backends.backend(schema, "cache", "false").close(); // the schema, before both start
        Process a = start(schema, 32);
        Process b = start(schema, 32);

        String outA = output(a);
        String outB = output(b);

        assertEquals(List.of("GAVE UP 0", "GAVE UP 0"), List.of(outA.strip(), outB.strip()),
                "what each process printed");
        assertEquals(2L * 32 * PER_THREAD, count(schema));
    }

    private static long count(String schema) {
        try (KvStore store = Backends.store(schema)) {
            return store.reader("Hot").get("n", Long.class);
        }
    }

    private static Process start(String schema, int threads) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                new File(System.getProperty("java.home"), "bin/java").getPath(),
                "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                ChildCounter.class.getName(), TestServer.get().url(), "Hot", "n",
                String.valueOf(threads), String.valueOf(PER_THREAD)));
        for (Map.Entry<String, String> o : Backends.options(schema).entrySet()) {
            command.add(o.getKey() + "=" + o.getValue());
        }
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String output(Process p) throws Exception {
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("a process did not finish within 120 s");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return out.lines().filter(l -> l.startsWith("GAVE UP")).findFirst()
                .orElseThrow(() -> new AssertionError("the process printed no result:\n" + out));
    }
}
