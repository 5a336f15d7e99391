package io.kv4j.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.KvStore;
import io.kv4j.spi.KvBackend;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several processes on one new file: they create its schema at once, and their requests on one
 * counter take turns at SQLite's write lock and lose no update; their sums never conflict.
 */
class ProcessesTest {

    private static Process start(Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(new File(System.getProperty("java.home"),
                "bin/java").getPath(), "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static void awaitDone(List<Process> writers) throws Exception {
        for (Process p : writers) {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "a writer ended");
            assertEquals(0, p.exitValue(), out);
        }
    }

    @Test
    void threeProcessesRaisingOneCounter_loseNoUpdate(@TempDir Path dir) throws Exception {
        String url = "kv:sqlite:" + dir.resolve("shared.db");
        int times = 150;
        List<Process> writers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            writers.add(start(CountingWriter.class, url, Integer.toString(times)));
        }
        try (KvStore store = KvStore.open(url)) {
            for (int i = 0; i < times; i++) { // this process is the third
                store.run("F", kv -> {
                    Long n = kv.get("n", Long.class);
                    kv.set("n", n == null ? 1 : n + 1);
                    return null;
                });
            }
            awaitDone(writers);
            assertEquals(3L * times, store.reader("F").get("n"));
        } finally {
            writers.forEach(Process::destroyForcibly);
        }
    }

    @Test
    void threeProcessesSummingOneKey_countExactlyWithoutAConflict(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("sums.db");
        int times = 300;
        List<Process> writers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            writers.add(start(SummingWriter.class, file.toString(), Integer.toString(times)));
        }
        try {
            SummingWriter.sum(file, times); // this process is the third
            awaitDone(writers);
            try (KvBackend backend = Spi.open(file)) {
                assertEquals(Integer.toString(3 * times), Spi.text(backend.read("F", "n")));
            }
        } finally {
            writers.forEach(Process::destroyForcibly);
        }
    }
}
