package io.kv4j.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kv4j.common.Option;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's option table and {@link SqliteOption} say the same; {@code -Dkv.write-table=true}
 * rewrites the table.
 */
class OptionTableTest {

    @Test
    void readmeTable_matchesOptions() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
        int start = lines.indexOf("<!-- options:start -->");
        int end = lines.indexOf("<!-- options:end -->");
        List<String> documented = new ArrayList<>();
        for (String line : lines.subList(start + 1, end)) {
            if (line.startsWith("| `")) {
                documented.add(line.trim());
            }
        }
        List<String> expected = new ArrayList<>();
        for (Option<?> d : SqliteOption.table()) {
            String shownDefault = d.defaultValue() == null || d.defaultValue().toString().isEmpty()
                    ? ""
                    : "`" + d.defaultValue() + "`";
            expected.add("| `" + d.name() + "` | " + d.kind() + " | " + shownDefault + " | "
                    + d.description() + " |");
        }
        if (Boolean.getBoolean("kv.write-table")) {
            List<String> out = new ArrayList<>(lines.subList(0, start + 1));
            out.add("| option | kind | default | description |");
            out.add("| --- | --- | --- | --- |");
            out.addAll(expected);
            out.addAll(lines.subList(end, lines.size()));
            Files.write(Path.of("README.md"), out, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(String.join("\n", expected), String.join("\n", documented),
                "the README's option table; rewrite it with -Dkv.write-table=true");
    }
}
