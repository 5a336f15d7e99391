package io.kv4j;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Type;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * JSON mapping of values with Jackson 3: serialised once at {@code set}, decoded afresh at every
 * {@code get}. The mapper is kv4j's own unless the application hands in its own
 * ({@link KvStoreBuilder#objectMapper}); either way the rules of the SPEC hold, because every value
 * is written through a {@link StrictGenerator}, and untyped reads are kv4j's own.
 */
final class Json {

    /** The deepest nesting a value may have, on writing and on reading alike. */
    static final int MAX_NESTING = 1000;

    /** How stored values are parsed: they were checked on the way in, so no size limit applies. */
    private static final StreamReadConstraints READING = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING)
            .maxStringLength(Integer.MAX_VALUE)
            .maxNumberLength(Integer.MAX_VALUE)
            .maxNameLength(Integer.MAX_VALUE)
            .maxDocumentLength(-1)
            .maxTokenCount(-1)
            .build();

    /** Parses JSON text that no generator check saw, to make sure that it reads back. */
    private static final JsonFactory CHECKING = JsonFactory.builder()
            .streamReadConstraints(READING)
            // {"a":1,"a":2} reads back as {"a":2} on one store and is kept whole on another
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** kv4j's own mapper, which also reads every untyped value, whatever the store's mapper. */
    private static final ObjectMapper DEFAULT = defaultMapper();

    private final ObjectMapper mapper;
    private final int maxValueBytes;

    Json(ObjectMapper mapper, int maxValueBytes) {
        this.mapper = mapper == null ? DEFAULT : mapper;
        this.maxValueBytes = maxValueBytes;
    }

    /**
     * kv4j's mapper: Jackson 3's defaults (java.time as ISO-8601 text, {@code Optional}, records),
     * stored values readable whatever their size, numbers read exactly, java.time values read
     * back equal, and no float read as an integer.
     */
    private static ObjectMapper defaultMapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamWriteConstraints(StreamWriteConstraints.builder()
                        .maxNestingDepth(MAX_NESTING).build())
                .streamReadConstraints(READING)
                .build();
        return JsonMapper.builder(factory)
                // 1.5 read as an Integer is a mismatch, not 1
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // an object with nothing to serialise is a mistake, not the value {}
                .enable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                // Object and Number positions: Long, exact Double or BigDecimal (KV-2.1)
                .addModule(new SimpleModule("kv4j-numbers")
                        .addDeserializer(Number.class, ExactNumbers.INSTANCE))
                // a JsonNode holds every decimal exactly, as a DecimalNode
                .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                // a ZonedDateTime keeps its zone, an OffsetDateTime its offset (KV-2.11)
                .enable(DateTimeFeature.WRITE_DATES_WITH_ZONE_ID)
                .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .build();
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /**
     * Serialises a value for storage.
     *
     * @throws IllegalArgumentException naming the key and function when the value is not JSON,
     *     does not read back, or is too big
     */
    byte[] encode(Object value, String key, String function) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        boolean unchecked;
        try (StrictGenerator g = new StrictGenerator(mapper.createGenerator(out))) {
            mapper.writeValue(g, value);
            unchecked = g.wroteUnchecked();
        } catch (JacksonException | IllegalArgumentException e) {
            String why = root(e) instanceof StreamConstraintsException
                    ? "it nests deeper than " + MAX_NESTING + " levels or refers to itself"
                    : rootMessage(e);
            throw new IllegalArgumentException("The value for " + where(key, function)
                    + " is not JSON-serialisable: " + why, e);
        } catch (StackOverflowError e) {
            throw new IllegalArgumentException("The value for " + where(key, function)
                    + " is not JSON-serialisable: it nests too deeply or refers to itself", e);
        }
        if (out.size() > maxValueBytes) {
            throw new IllegalArgumentException("The value for " + where(key, function) + " is "
                    + out.size() + " bytes of JSON, over the limit of " + maxValueBytes
                    + " bytes (option " + KvOption.MAX_VALUE_BYTES.name() + ")");
        }
        byte[] json = out.toByteArray();
        if (unchecked) {
            // raw JSON, or a number given as text: it must read back as get() reads it
            try {
                requireReadable(json);
            } catch (JacksonException | NumberFormatException e) {
                String why = root(e) instanceof StreamConstraintsException
                        ? "it nests deeper than " + MAX_NESTING + " levels" : rootMessage(e);
                throw new IllegalArgumentException("The value for " + where(key, function)
                        + " is not JSON-serialisable: the JSON written for it as text (raw JSON, "
                        + "or a number given as text) does not read back: " + why, e);
            }
        }
        return json;
    }

    /**
     * Reads JSON text as an untyped read does, and checks what a store needs beyond that: exactly
     * one value, valid Unicode in every string and member name, no member name twice.
     */
    private static void requireReadable(byte[] json) {
        try (JsonParser p = CHECKING.createParser(ObjectReadContext.empty(), json)) {
            if (p.nextToken() == null) {
                throw new StreamReadException(p, "there is no JSON value");
            }
            int depth = 0;
            do {
                JsonToken t = p.currentToken();
                if (t.isStructStart()) {
                    depth++;
                } else if (t.isStructEnd()) {
                    depth--;
                } else if (t == JsonToken.PROPERTY_NAME || t == JsonToken.VALUE_STRING) {
                    String s = p.getString();
                    int at = StrictGenerator.loneSurrogate(s, 0, s.length());
                    if (at >= 0) {
                        throw new StreamReadException(p, String.format("lone surrogate U+%04X "
                                + "at index %d of a string is not valid Unicode",
                                (int) s.charAt(at), at));
                    }
                } else if (t.isNumeric()) {
                    ExactNumbers.read(p);
                }
            } while (depth > 0 && p.nextToken() != null);
            if (p.nextToken() != null) {
                throw new StreamReadException(p, "it is more than one JSON value");
            }
        }
    }

    /**
     * Decodes a stored value. An untyped read ({@code Object}) is kv4j's own, whatever the mapper.
     *
     * @throws IllegalArgumentException naming the key and function when it does not map to the type
     */
    <T> T decode(byte[] json, Type type, String key, String function) {
        ObjectMapper reader = type == Object.class ? DEFAULT : mapper;
        JavaType target = reader.constructType(type);
        try {
            return reader.readValue(json, target);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("The value of " + where(key, function)
                    + " cannot be read as " + target.toCanonical() + ": " + rootMessage(e), e);
        }
    }

    private static String where(String key, String function) {
        return "key " + Names.show(key) + " of function " + Names.show(function);
    }

    private static Throwable root(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = root(e);
        String m = t instanceof JacksonException j ? j.getOriginalMessage() : t.getMessage();
        if (m == null) {
            return t.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
