package io.kv4j;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Type;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamWriteConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamWriteException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonGeneratorDelegate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON mapping of values with Jackson 3: serialised once at {@code set}, decoded afresh at every
 * {@code get}. The mapper is kv4j's own unless the application hands in its own
 * ({@link KvStoreBuilder#objectMapper}); either way the rules of the SPEC hold, because every value
 * is written through a generator that refuses what JSON cannot hold.
 */
final class Json {

    /** The deepest nesting a value may have, on writing and on reading alike. */
    static final int MAX_NESTING = 1000;

    private final ObjectMapper mapper;
    private final int maxValueBytes;

    Json(ObjectMapper mapper, int maxValueBytes) {
        this.mapper = mapper == null ? defaultMapper() : mapper;
        this.maxValueBytes = maxValueBytes;
    }

    /**
     * kv4j's mapper: Jackson 3's defaults (java.time as ISO-8601 text, {@code Optional}, records),
     * stored values readable whatever their size, and no float read as an integer.
     */
    static ObjectMapper defaultMapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamWriteConstraints(StreamWriteConstraints.builder()
                        .maxNestingDepth(MAX_NESTING).build())
                // stored values were checked on the way in; reading them back must not fail
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .maxStringLength(Integer.MAX_VALUE)
                        .maxNumberLength(Integer.MAX_VALUE)
                        .maxNameLength(Integer.MAX_VALUE)
                        .maxDocumentLength(-1)
                        .maxTokenCount(-1)
                        .build())
                .build();
        return JsonMapper.builder(factory)
                // 1.5 read as an Integer is a mismatch, not 1
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // an object with nothing to serialise is a mistake, not the value {}
                .enable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /**
     * Serialises a value for storage.
     *
     * @throws IllegalArgumentException naming the key and function when the value is not JSON or
     *     too big
     */
    byte[] encode(Object value, String key, String function) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        try (JsonGenerator g = new StrictJson(mapper.createGenerator(out))) {
            mapper.writeValue(g, value);
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
                    + " bytes (option " + KvOption.MAX_VALUE_BYTES.key() + ")");
        }
        return out.toByteArray();
    }

    /**
     * Decodes a stored value.
     *
     * @throws IllegalArgumentException naming the key and function when it does not map to the type
     */
    <T> T decode(byte[] json, Type type, String key, String function) {
        JavaType target = mapper.constructType(type);
        try {
            return mapper.readValue(json, target);
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

    /**
     * Refuses what JSON cannot represent instead of quietly changing it: NaN and infinities
     * (which would be written as strings), lone surrogates (which would be written as escapes
     * that no UTF-8 store can hold), and nesting deeper than {@value #MAX_NESTING}, whatever
     * the mapper's own limits.
     */
    private static final class StrictJson extends JsonGeneratorDelegate {

        private int depth;

        StrictJson(JsonGenerator d) {
            super(d, false);
        }

        @Override
        public JsonGenerator writeStartObject() {
            nest();
            return super.writeStartObject();
        }

        @Override
        public JsonGenerator writeStartObject(Object forValue) {
            nest();
            return super.writeStartObject(forValue);
        }

        @Override
        public JsonGenerator writeStartObject(Object forValue, int size) {
            nest();
            return super.writeStartObject(forValue, size);
        }

        @Override
        public JsonGenerator writeStartArray() {
            nest();
            return super.writeStartArray();
        }

        @Override
        public JsonGenerator writeStartArray(Object forValue) {
            nest();
            return super.writeStartArray(forValue);
        }

        @Override
        public JsonGenerator writeStartArray(Object forValue, int size) {
            nest();
            return super.writeStartArray(forValue, size);
        }

        @Override
        public JsonGenerator writeEndObject() {
            depth--;
            return super.writeEndObject();
        }

        @Override
        public JsonGenerator writeEndArray() {
            depth--;
            return super.writeEndArray();
        }

        private void nest() {
            if (++depth > MAX_NESTING) {
                throw new StreamConstraintsException("nesting deeper than " + MAX_NESTING);
            }
        }

        @Override
        public JsonGenerator writeNumber(double v) {
            if (!Double.isFinite(v)) {
                throw new StreamWriteException(this, "non-finite number " + v + " has no JSON form");
            }
            return super.writeNumber(v);
        }

        @Override
        public JsonGenerator writeNumber(float v) {
            if (!Float.isFinite(v)) {
                throw new StreamWriteException(this, "non-finite number " + v + " has no JSON form");
            }
            return super.writeNumber(v);
        }

        @Override
        public JsonGenerator writeString(String text) {
            if (text != null) {
                requireValidUnicode(text, 0, text.length());
            }
            return super.writeString(text);
        }

        @Override
        public JsonGenerator writeString(char[] text, int offset, int len) {
            requireValidUnicode(java.nio.CharBuffer.wrap(text), offset, offset + len);
            return super.writeString(text, offset, len);
        }

        @Override
        public JsonGenerator writeName(String name) {
            requireValidUnicode(name, 0, name.length());
            return super.writeName(name);
        }

        private void requireValidUnicode(CharSequence s, int from, int to) {
            for (int i = from; i < to; i++) {
                char c = s.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < to
                        && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    throw new StreamWriteException(this, String.format(
                            "lone surrogate U+%04X at index %d of a string is not valid Unicode",
                            (int) c, i - from));
                }
            }
        }
    }
}
