package io.kv4j.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.KvStore;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several processes on one new file: they create its schema at once, and their requests on one
 * counter take turns at SQLite's write lock and lose no update.
 */
class ProcessesTest {

    @Test
    void threeProcessesRaisingOneCounter_loseNoUpdate(@TempDir Path dir) throws Exception {
        String url = "kv:sqlite:" + dir.resolve("shared.db");
        int times = 150;
        List<Process> writers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            writers.add(new ProcessBuilder(new File(System.getProperty("java.home"), "bin/java")
                    .getPath(), "-XX:TieredStopAtLevel=1", "-cp",
                    System.getProperty("java.class.path"), CountingWriter.class.getName(), url,
                    Integer.toString(times)).redirectErrorStream(true).start());
        }
        try (KvStore store = KvStore.open(url)) {
            for (int i = 0; i < times; i++) { // this process is the third
                store.run("F", kv -> {
                    Long n = kv.get("n", Long.class);
                    kv.set("n", n == null ? 1 : n + 1);
                    return null;
                });
            }
            for (Process p : writers) {
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(p.waitFor(120, TimeUnit.SECONDS), "a writer ended");
                assertEquals(0, p.exitValue(), out);
            }
            assertEquals(3L * times, store.reader("F").get("n"));
        } finally {
            writers.forEach(Process::destroyForcibly);
        }
    }
}
