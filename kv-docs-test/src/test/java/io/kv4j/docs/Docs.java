package io.kv4j.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The project's Markdown files, and the parts of them that the tests check. */
final class Docs {

    /** The repository's root, from this module's directory. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private Docs() {
    }

    static String read(String path) {
        try {
            return Files.readString(ROOT.resolve(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text from a line that starts with {@code start} to the next heading of level two.
     *
     * @throws AssertionError when no line starts so
     */
    static String section(String doc, String start) {
        int from = doc.startsWith(start) ? 0 : doc.indexOf("\n" + start) + 1;
        if (from == 0 && !doc.startsWith(start)) {
            throw new AssertionError("no line starts with " + start);
        }
        int to = doc.indexOf("\n## ", from + start.length());
        return doc.substring(from, to < 0 ? doc.length() : to + 1);
    }

    /**
     * The fenced code blocks of a text in a language, in order.
     *
     * @param lang the language after the fence, or empty for blocks without one
     */
    static List<String> blocks(String text, String lang) {
        List<String> out = new ArrayList<>();
        StringBuilder block = null;
        boolean wanted = false;
        for (String line : text.split("\n", -1)) {
            if (block == null && line.startsWith("```")) {
                block = new StringBuilder();
                wanted = line.substring(3).strip().equals(lang);
            } else if (block != null && line.equals("```")) {
                if (wanted) {
                    out.add(block.toString());
                }
                block = null;
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        return out;
    }
}
