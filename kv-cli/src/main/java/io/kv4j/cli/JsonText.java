package io.kv4j.cli;

import io.kv4j.KvEntry;
import io.kv4j.KvPage;
import java.io.PrintWriter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** How values, keys and listings look as text: compact JSON, and keys quoted only when needed. */
final class JsonText {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            // {"a":1,"a":2} is a typing mistake, not a value
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // what follows a value is reported by parse() itself, with its column
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final int SHOWN_CHARS = 60;

    private JsonText() {
    }

    /**
     * Parses one JSON value, null included.
     *
     * @throws IllegalArgumentException quoting the text and saying where it went wrong
     */
    static Object parse(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("a JSON value is missing");
        }
        try (JsonParser parser = MAPPER.createParser(text)) {
            Object value = MAPPER.readValue(parser, Object.class);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException(shorten(text) + " is not one JSON value: "
                        + "more follows it (column " + parser.currentTokenLocation().getColumnNr()
                        + ")" + hint(text));
            }
            return value;
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            throw new IllegalArgumentException(shorten(text) + " is not JSON: "
                    + e.getOriginalMessage()
                    + (at == null ? "" : " (column " + at.getColumnNr() + ")") + hint(text));
        }
    }

    /** A value as compact JSON. */
    static String print(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /**
     * A key as the shell reads it: bare when it is one plain word, else a JSON string.
     */
    static String key(String key) {
        boolean plain = !key.isEmpty() && key.charAt(0) != '"' && !key.startsWith("#")
                && !key.startsWith("--");
        for (int i = 0; plain && i < key.length(); i++) {
            char c = key.charAt(i);
            plain = !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                    && !Character.isISOControl(c);
        }
        return plain ? key : print(key);
    }

    /** Prints a page, one {@code KEY JSON} line per entry, and how to ask for the next page. */
    static void printPage(KvPage page, PrintWriter out) {
        for (KvEntry entry : page.entries()) {
            out.println(key(entry.key()) + " " + print(entry.value()));
        }
        if (page.hasMore()) {
            out.println("# more: --after " + key(page.cursor()));
        }
    }

    private static String hint(String text) {
        char first = text.strip().charAt(0);
        boolean startsLikeJson = "{[\"-tfn".indexOf(first) >= 0 || Character.isDigit(first);
        return startsLikeJson ? "" : "; a string is written in double quotes, as in \"text\"";
    }

    private static String shorten(String text) {
        return "'" + (text.length() <= SHOWN_CHARS ? text : text.substring(0, SHOWN_CHARS) + "...")
                + "'";
    }
}
