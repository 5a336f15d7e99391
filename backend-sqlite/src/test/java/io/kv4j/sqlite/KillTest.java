package io.kv4j.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.KvPage;
import io.kv4j.KvReader;
import io.kv4j.KvStore;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer in another JVM, killed with SIGKILL in the middle of its commits, leaves every commit
 * it saw return and no part of any other: the file is recovered by the next process to open it.
 */
class KillTest {

    private static final String END = new String("end of output");

    @Test
    void killedWriter_leavesEveryAcknowledgedCommitAndNoPartialOne(@TempDir Path dir)
            throws Exception {
        String url = "kv:sqlite:" + dir.resolve("killed.db");
        for (int round = 0; round < 3; round++) {
            long acknowledged = killAfterSomeCommits(url, 50 + round * 37);
            try (KvStore store = KvStore.open(url)) {
                KvReader f = store.reader("F");
                long last = (Long) f.get("last");
                assertTrue(last >= acknowledged, "the last acknowledged commit, " + acknowledged
                        + ", survived; the file's counter is " + last);
                assertTrue(last <= acknowledged + 1, "at most the commit under way was applied "
                        + "beyond the acknowledged ones: " + last + " after " + acknowledged);
                List<String> a = keys(f, "a/");
                List<String> b = keys(f, "b/");
                assertEquals(last, a.size(), "one a/ key per applied commit");
                assertEquals(a.stream().map(k -> k.substring(2)).toList(),
                        b.stream().map(k -> k.substring(2)).toList(),
                        "each commit's writes are there together");
                store.deleteAll("F");
            }
        }
    }

    /** Starts the writer, kills it after it acknowledged {@code n} commits, returns the last. */
    private static long killAfterSomeCommits(String url, int n) throws Exception {
        Process child = new ProcessBuilder(new File(System.getProperty("java.home"), "bin/java")
                .getPath(), "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), KillWriter.class.getName(), url)
                .redirectErrorStream(true).start();
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(
                    child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process died; what it printed before is in lines
            }
            lines.add(END);
        });
        pump.start();
        long acknowledged = 0;
        try {
            StringBuilder other = new StringBuilder();
            while (acknowledged < n) {
                String line = lines.poll(60, TimeUnit.SECONDS);
                if (line == null || line == END) {
                    break;
                }
                if (line.matches("[0-9]+")) {
                    acknowledged = Long.parseLong(line);
                } else {
                    other.append(line).append('\n');
                }
            }
            assertEquals(n, acknowledged, "the writer's commits before it ended:\n" + other);
            child.destroyForcibly(); // SIGKILL, while the writer goes on committing
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the writer was killed");
            pump.join(30_000);
            // what it printed before it died: commits that returned after the n-th
            for (String line; (line = lines.poll()) != null && line != END; ) {
                if (line.matches("[0-9]+")) {
                    acknowledged = Long.parseLong(line);
                }
            }
        } finally {
            child.destroyForcibly();
        }
        return acknowledged;
    }

    private static List<String> keys(KvReader f, String prefix) {
        List<String> keys = new ArrayList<>();
        String cursor = null;
        do {
            KvPage page = f.list(prefix, cursor, 1000);
            page.entries().forEach(e -> keys.add(e.key()));
            cursor = page.cursor();
        } while (cursor != null);
        return keys;
    }
}
