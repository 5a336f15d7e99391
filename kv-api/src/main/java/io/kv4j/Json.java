package io.kv4j;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
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
                .addDecorator((f, generator) -> new FiniteNumbers(generator))
                .build();
        this.mapper = JsonMapper.builder(factory).build();
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
        } catch (StreamConstraintsException e) {
            throw new IllegalArgumentException("The value for " + where(key, function)
                    + " is not JSON-serialisable: it nests deeper than " + MAX_NESTING
                    + " levels or refers to itself", e);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("The value for " + where(key, function)
                    + " is not JSON-serialisable: " + rootMessage(e), e);
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

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        if (m == null) {
            return t.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** Refuses NaN and infinities, which JSON cannot represent, instead of quoting them. */
    private static final class FiniteNumbers extends JsonGeneratorDelegate {

        FiniteNumbers(JsonGenerator d) {
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
    }
}
