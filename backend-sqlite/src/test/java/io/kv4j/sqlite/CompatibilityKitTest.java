package io.kv4j.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.kv4j.tck.Tck;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole compatibility kit on SQLite, as {@code kv tck --fixture sqlite} runs it, on a
 * temporary file of {@link SqliteTckFixture}, which the kit finds through
 * {@code META-INF/services}: every MUST clause passes, the durability clauses and the
 * cross-process part of KV-7.11 included.
 */
class CompatibilityKitTest {

    /** Clauses that only the fixture's hooks and child JVMs make testable. */
    private static final List<String> HOOKED = List.of("KV-7.11", "KV-9.2", "KV-9.3", "KV-9.4",
            "KV-9.5");

    @Test
    void everyMustClausePassesOnSqlite(@TempDir Path reports) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = Tck.run(null, reports, new PrintStream(bytes, true, StandardCharsets.UTF_8),
                Map.of());
        String output = bytes.toString(StandardCharsets.UTF_8);

        assertEquals(Tck.PASSED, code, "the kit's exit code; its report:\n" + output);
        assertTrue(output.contains("fixture: " + SqliteTckFixture.class.getName() + " (durable)"),
                "the kit used the SQLite fixture:\n" + output);
        String json = Files.readString(reports.resolve("kv-tck.json"), StandardCharsets.UTF_8);
        Matcher failed = Pattern.compile("\"id\": \"(KV-[0-9.]+)\", \"level\": \"MUST[^\"]*\", "
                + "\"status\": \"FAIL\"").matcher(json);
        if (failed.find()) {
            fail("MUST clause " + failed.group(1) + " failed:\n" + output);
        }
        for (String clause : HOOKED) {
            assertTrue(json.contains("{\"id\": \"" + clause + "\", \"level\": \"MUST\", "
                    + "\"status\": \"PASS\", \"untested\": false, \"reason\": null"),
                    clause + " passed with no untested part:\n" + output);
        }
    }
}
