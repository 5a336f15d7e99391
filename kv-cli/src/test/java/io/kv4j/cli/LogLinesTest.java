package io.kv4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What a store logs reaches the user of {@code kv} as one line each on standard error. */
class LogLinesTest {

    @Test
    void migrationsOfANewSchema_areOneLineEach() throws Exception {
        String url = Postgres.url(Postgres.newSchema());
        Process kv = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "functions", "--url", url)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String err = new String(kv.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(kv.waitFor(60, TimeUnit.SECONDS), err);

        assertEquals(0, kv.exitValue(), err);
        List<String> lines = err.lines().toList();
        assertTrue(lines.size() >= 1, err);
        assertTrue(lines.stream().allMatch(line -> line.matches(
                "kv: INFO: Migrating schema .* to version \\d+ \\(V\\d+__\\w+\\.sql\\)")), err);
    }
}
