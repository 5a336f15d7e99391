package io.kv4j.cli;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.jsontype.TypeSerializer;

/**
 * Values as text, both ways, with every number kept exactly as written: 2.0 stays 2.0, 1.0E10
 * stays 1.0E10 and a number of any size or precision keeps all its digits, so that what
 * {@code kv export} writes, {@code kv import} stores unchanged.
 */
final class JsonText {

    /**
     * The deepest nesting read. Deeper than the store's own limit (1,000), so that the store
     * refuses such a value with its own message.
     */
    static final int MAX_NESTING = 2000;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            // {"a":1,"a":2} is a typing mistake, not a value
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // no size limits of the parser's own: the store says how big a value may be
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING)
                    .maxStringLength(Integer.MAX_VALUE).maxNumberLength(Integer.MAX_VALUE)
                    .maxNameLength(Integer.MAX_VALUE).build())
            .build();

    private static final int SHOWN_CHARS = 60;

    private JsonText() {
    }

    /**
     * Parses one JSON value, null included, for {@code Kv.set}: objects as maps, arrays as
     * lists, numbers as {@link JsonNumber}s that write themselves as they were written.
     *
     * @throws IllegalArgumentException quoting the text and saying where it went wrong
     */
    static Object parse(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("a JSON value is missing");
        }
        boolean multiline = text.strip().contains("\n");
        JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), text);
        try (parser) {
            parser.nextToken();
            Object value = read(parser);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException(shorten(text) + " is not one JSON value: "
                        + "more follows it" + JsonErrors.where(parser.currentTokenLocation(),
                                multiline) + hint(text));
            }
            return value;
        } catch (JacksonException e) {
            // a limit of the parser's own comes without a place: where the parser stopped
            throw new IllegalArgumentException(shorten(text) + " is not JSON: "
                    + JsonErrors.describe(e, e.getLocation() != null ? e.getLocation()
                            : parser.currentTokenLocation(), multiline) + hint(text));
        }
    }

    /** Reads the value at the parser's current token. Nesting is bounded by MAX_NESTING. */
    private static Object read(JsonParser p) {
        switch (p.currentToken()) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    map.put(name, read(p));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(read(p));
                }
                return list;
            }
            case VALUE_STRING:
                return p.getString();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT:
                return new JsonNumber(p.getString());
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    /**
     * Stored JSON, as a backend returns it, in compact form with its numbers unchanged.
     *
     * @param json one JSON value
     * @return the compact JSON
     */
    static String compact(String json) {
        StringWriter out = new StringWriter(json.length());
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), json);
                JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            p.nextToken();
            copy(p, g);
        }
        return out.toString();
    }

    /** A text as a JSON string literal, in compact form. */
    static String string(String text) {
        StringWriter out = new StringWriter(text.length() + 2);
        try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            g.writeString(text);
        }
        return out.toString();
    }

    /**
     * One JSON object on one line: the given names with string values, then {@code value} with
     * stored JSON, such as {@code {"key":"k","value":[1,2.0]}}.
     *
     * @param names and values, alternating
     * @param json the stored JSON of the value
     */
    static String object(List<String> names, String json) {
        StringWriter out = new StringWriter(json.length() + 64);
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), json);
                JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            g.writeStartObject();
            for (int i = 0; i < names.size(); i += 2) {
                g.writeName(names.get(i));
                g.writeString(names.get(i + 1));
            }
            g.writeName("value");
            p.nextToken();
            copy(p, g);
            g.writeEndObject();
        }
        return out.toString();
    }

    /** Copies the value at the parser's current token, writing numbers as they were written. */
    private static void copy(JsonParser p, JsonGenerator g) {
        int depth = 0;
        do {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                g.writeNumber(p.getString());
            } else {
                g.copyCurrentEvent(p);
            }
            if (t.isStructStart()) {
                depth++;
            } else if (t.isStructEnd()) {
                depth--;
            }
        } while (depth > 0 && p.nextToken() != null);
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

    /** A number as it was written; the store's mapper writes it back the same. */
    record JsonNumber(String text) implements JacksonSerializable {

        @Override
        public void serialize(JsonGenerator g, SerializationContext context) {
            g.writeNumber(text);
        }

        @Override
        public void serializeWithType(JsonGenerator g, SerializationContext context,
                TypeSerializer types) {
            serialize(g, context);
        }
    }
}
