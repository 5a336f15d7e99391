package io.kv4j.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.kv4j.common.Option;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Assertions for a backend's own tests: the whole kit passes on the backend's fixture, and the
 * README documents the backend's options as its option table declares them.
 */
public final class BackendTests {

    private static final Pattern FAILED_MUST = Pattern.compile(
            "\"id\": \"(KV-[0-9.]+)\", \"level\": \"MUST[^\"]*\", \"status\": \"FAIL\"");

    private BackendTests() {
    }

    /**
     * Runs the whole kit as {@code kv tck} does, on the one fixture registered in
     * {@code META-INF/services}, and asserts a clean pass: exit code {@link Tck#PASSED}, the
     * expected fixture, and each named clause passed with no untested part (the clauses only the
     * fixture's hooks and child JVMs make testable, which a pass must not reach by skipping them).
     *
     * @param reports a directory for the kit's reports
     * @param fixture the fixture the run must use
     * @param hooked the clauses that must pass in full
     * @throws IOException when the report cannot be read
     */
    public static void assertKitPasses(Path reports, Class<? extends TckFixture> fixture,
            List<String> hooked) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = Tck.run(null, reports, new PrintStream(bytes, true, StandardCharsets.UTF_8),
                Map.of());
        String output = bytes.toString(StandardCharsets.UTF_8);

        assertEquals(Tck.PASSED, code, "the kit's exit code; its report:\n" + output);
        assertTrue(output.contains("fixture: " + fixture.getName() + " (durable)"),
                "the kit used the fixture " + fixture.getName() + ":\n" + output);
        String json = Files.readString(reports.resolve("kv-tck.json"), StandardCharsets.UTF_8);
        Matcher failed = FAILED_MUST.matcher(json);
        if (failed.find()) {
            fail("MUST clause " + failed.group(1) + " failed:\n" + output);
        }
        for (String clause : hooked) {
            assertTrue(json.contains("{\"id\": \"" + clause + "\", \"level\": \"MUST\", "
                    + "\"status\": \"PASS\", \"untested\": false, \"reason\": null"),
                    clause + " passed with no untested part:\n" + output);
        }
    }

    /**
     * Asserts that the table between the lines {@code <!-- options:start -->} and
     * {@code <!-- options:end -->} of a README lists exactly the given options, one row each:
     * name, kind, default and description. With the system property
     * {@code kv.write-table=true} it rewrites the table instead.
     *
     * @param readme the README
     * @param options the backend's option table
     * @throws IOException when the README cannot be read or written
     */
    public static void assertOptionTable(Path readme, List<Option<?>> options)
            throws IOException {
        List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
        int start = lines.indexOf("<!-- options:start -->");
        int end = lines.indexOf("<!-- options:end -->");
        assertTrue(start >= 0 && end > start, readme + " has no options:start/end markers");
        List<String> documented = new ArrayList<>();
        for (String line : lines.subList(start + 1, end)) {
            if (line.startsWith("| `")) {
                documented.add(line.trim());
            }
        }
        List<String> expected = new ArrayList<>();
        for (Option<?> o : options) {
            String shownDefault = o.defaultValue() == null || o.defaultValue().toString().isEmpty()
                    ? ""
                    : "`" + o.defaultValue() + "`";
            expected.add("| `" + o.name() + "` | " + o.kind() + " | " + shownDefault + " | "
                    + o.description() + " |");
        }
        if (Boolean.getBoolean("kv.write-table")) {
            List<String> out = new ArrayList<>(lines.subList(0, start + 1));
            out.add("| option | kind | default | description |");
            out.add("| --- | --- | --- | --- |");
            out.addAll(expected);
            out.addAll(lines.subList(end, lines.size()));
            Files.write(readme, out, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(String.join("\n", expected), String.join("\n", documented),
                "the option table of " + readme + "; rewrite it with -Dkv.write-table=true");
    }
}
