package io.kv4j;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * JSON mapping of values: serialised once at {@code set}, decoded afresh at every {@code get}.
 */
final class Json {

    /** The deepest nesting a value may have, on writing and on reading alike. */
    static final int MAX_NESTING = 1000;

    private final ObjectMapper mapper;
    private final int maxValueBytes;

    Json(int maxValueBytes) {
        this.maxValueBytes = maxValueBytes;
        JsonFactory factory = new JsonFactoryBuilder()
                .streamWriteConstraints(StreamWriteConstraints.builder()
                        .maxNestingDepth(MAX_NESTING).build())
                // stored values were checked on the way in; reading them back must not fail
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .maxStringLength(Integer.MAX_VALUE)
                        .maxNumberLength(Integer.MAX_VALUE)
                        .maxDocumentLength(-1)
                        .build())
                .addDecorator((f, generator) -> new StrictJson(generator))
                .build();
        this.mapper = JsonMapper.builder(factory)
                // 1.5 read as an Integer is a mismatch, not 1
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .build();
    }

    /**
     * Serialises a value for storage.
     *
     * @throws IllegalArgumentException naming the key and function when the value is not JSON or
     *     too big
     */
    byte[] encode(Object value, String key, String function) {
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(value);
        } catch (IOException | RuntimeException e) {
            String why = root(e) instanceof StreamConstraintsException
                    ? "it nests deeper than " + MAX_NESTING + " levels or refers to itself"
                    : rootMessage(e);
            throw new IllegalArgumentException("The value for " + where(key, function)
                    + " is not JSON-serialisable: " + why, e);
        } catch (StackOverflowError e) {
            throw new IllegalArgumentException("The value for " + where(key, function)
                    + " is not JSON-serialisable: it nests too deeply or refers to itself", e);
        }
        if (bytes.length > maxValueBytes) {
            throw new IllegalArgumentException("The value for " + where(key, function) + " is "
                    + bytes.length
                    + " bytes of JSON, over the limit of " + maxValueBytes + " bytes (option "
                    + KvOption.MAX_VALUE_BYTES.key() + ")");
        }
        return bytes;
    }

    /**
     * Decodes a stored value.
     *
     * @throws IllegalArgumentException naming the key and function when it does not map to the type
     */
    <T> T decode(byte[] json, Class<T> type, String key, String function) {
        try {
            return mapper.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("The value of " + where(key, function)
                    + " cannot be read as "
                    + type.getSimpleName() + ": " + rootMessage(e), e);
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
        String m = t.getMessage();
        if (m == null) {
            return t.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /**
     * Refuses what JSON cannot represent instead of quietly changing it: NaN and infinities
     * (which would be written as strings) and lone surrogates (which would be written as escapes
     * that no UTF-8 store can hold).
     */
    private static final class StrictJson extends JsonGeneratorDelegate {

        StrictJson(JsonGenerator d) {
            super(d, false);
        }

        @Override
        public void writeNumber(double v) throws IOException {
            if (!Double.isFinite(v)) {
                throw new JsonGenerationException("non-finite number " + v + " has no JSON form", this);
            }
            super.writeNumber(v);
        }

        @Override
        public void writeNumber(float v) throws IOException {
            if (!Float.isFinite(v)) {
                throw new JsonGenerationException("non-finite number " + v + " has no JSON form", this);
            }
            super.writeNumber(v);
        }

        @Override
        public void writeString(String text) throws IOException {
            if (text != null) {
                requireValidUnicode(text, 0, text.length());
            }
            super.writeString(text);
        }

        @Override
        public void writeString(char[] text, int offset, int len) throws IOException {
            requireValidUnicode(java.nio.CharBuffer.wrap(text), offset, offset + len);
            super.writeString(text, offset, len);
        }

        @Override
        public void writeFieldName(String name) throws IOException {
            requireValidUnicode(name, 0, name.length());
            super.writeFieldName(name);
        }

        private void requireValidUnicode(CharSequence s, int from, int to) throws IOException {
            for (int i = from; i < to; i++) {
                char c = s.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < to
                        && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    throw new JsonGenerationException(String.format(
                            "lone surrogate U+%04X at index %d of a string is not valid Unicode",
                            (int) c, i - from), this);
                }
            }
        }
    }
}
