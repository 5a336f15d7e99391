package io.kv4j.tck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The clauses of the SPEC, read from the copy of {@code docs/SPEC.md} that ships in the kit: each
 * clause's id, level and first sentence.
 */
final class Spec {

    private static final Pattern CLAUSE = Pattern.compile(
            "\\*\\*(KV-\\d+\\.\\d+)\\*\\* \\*\\*(MUST NOT|MUST|SHOULD NOT|SHOULD|MAY)\\*\\*");

    /** A row of the options table: name, kind, default, clause. */
    private static final Pattern OPTION_ROW = Pattern.compile(
            "(?m)^\\| `([a-z][a-z-]*)` \\| ([^|]+) \\| `([^`]*)` \\| KV-\\d+\\.\\d+ \\|$");

    private Spec() {
    }

    /**
     * A clause.
     *
     * @param id the id, such as {@code KV-1.2}
     * @param level MUST, MUST NOT, SHOULD, SHOULD NOT or MAY
     * @param summary its first sentence, without markup
     */
    record Entry(String id, String level, String summary) {

        /** Whether failing it makes a backend non-conforming. */
        boolean required() {
            return level.startsWith("MUST");
        }
    }

    /** The clauses of the SPEC shipped in the kit. */
    static List<Entry> load() {
        return parse(text());
    }

    /**
     * The engine's options as the SPEC's table of KV-11 gives them.
     *
     * @return option name to its kind and default, as {@code <kind>, default <value>}, in the
     *     table's order
     */
    static Map<String, String> options() {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = OPTION_ROW.matcher(text());
        while (m.find()) {
            out.put(m.group(1), m.group(2).replace("`", "").trim() + ", default " + m.group(3));
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("SPEC.md holds no table of options");
        }
        return out;
    }

    private static String text() {
        try (InputStream in = Spec.class.getResourceAsStream("SPEC.md")) {
            if (in == null) {
                throw new IllegalStateException("SPEC.md is missing from the kit's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the kit's SPEC.md", e);
        }
    }

    static List<Entry> parse(String markdown) {
        List<Entry> out = new ArrayList<>();
        Matcher m = CLAUSE.matcher(markdown);
        while (m.find()) {
            int end = markdown.indexOf("\n\n", m.end());
            String text = markdown.substring(m.end(), end < 0 ? markdown.length() : end);
            out.add(new Entry(m.group(1), m.group(2), summary(text)));
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("SPEC.md holds no clause of the form **KV-1.1** **MUST**");
        }
        return out;
    }

    private static String summary(String text) {
        String plain = text.replaceAll("\\s+", " ").replace("`", "").replace("*", "")
                .replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1").trim();
        int stop = plain.indexOf(". ");
        String first = stop < 0 ? plain : plain.substring(0, stop + 1);
        return first.length() <= 140 ? first : first.substring(0, 137) + "...";
    }
}
