package io.kv4j;

import java.math.BigDecimal;
import java.util.Objects;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamWriteException;
import tools.jackson.core.util.JsonGeneratorDelegate;

/**
 * The generator every value is written through, whatever the mapper. It refuses what JSON cannot
 * represent instead of letting Jackson change it quietly: non-finite numbers (written as
 * strings), lone surrogates (written as escapes that no UTF-8 store can hold), nesting deeper
 * than {@value Json#MAX_NESTING} whatever the mapper's own limits, and a {@link BigDecimal} whose
 * exponent no reader can parse. Text it is handed as JSON (raw values, numbers given as text) it
 * cannot check as it goes, so it notes that it wrote some, and {@link Json} checks the whole
 * output then.
 *
 * <p>{@link JsonGeneratorDelegate} sends each call straight to the wrapped generator, past these
 * checks, unless it is overridden here: primitive arrays once took that path. So every write
 * method of {@link JsonGenerator} is either overridden here or safe as delegated, and a test
 * keeps it so.
 */
final class StrictGenerator extends JsonGeneratorDelegate {

    private int depth;
    private boolean unchecked;

    StrictGenerator(JsonGenerator d) {
        // false: writePOJO, writeTree and the copy methods come back through this generator
        super(d, false);
    }

    /**
     * Whether text was written that this generator could not check: raw JSON, a number given as
     * text, or a string given as UTF-8 bytes or a reader.
     */
    boolean wroteUnchecked() {
        return unchecked;
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
        if (++depth > Json.MAX_NESTING) {
            throw new StreamConstraintsException("nesting deeper than " + Json.MAX_NESTING);
        }
    }

    // Jackson writes primitive arrays through these; each element must pass the checks above

    @Override
    public JsonGenerator writeArray(double[] array, int offset, int length) {
        checkRange(array.length, offset, length);
        writeStartArray(array, length);
        for (int i = offset; i < offset + length; i++) {
            writeNumber(array[i]);
        }
        return writeEndArray();
    }

    @Override
    public JsonGenerator writeArray(int[] array, int offset, int length) {
        checkRange(array.length, offset, length);
        writeStartArray(array, length);
        for (int i = offset; i < offset + length; i++) {
            writeNumber(array[i]);
        }
        return writeEndArray();
    }

    @Override
    public JsonGenerator writeArray(long[] array, int offset, int length) {
        checkRange(array.length, offset, length);
        writeStartArray(array, length);
        for (int i = offset; i < offset + length; i++) {
            writeNumber(array[i]);
        }
        return writeEndArray();
    }

    @Override
    public JsonGenerator writeArray(String[] array, int offset, int length) {
        checkRange(array.length, offset, length);
        writeStartArray(array, length);
        for (int i = offset; i < offset + length; i++) {
            writeString(array[i]);
        }
        return writeEndArray();
    }

    private static void checkRange(int arrayLength, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, arrayLength);
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
    public JsonGenerator writeNumber(BigDecimal v) {
        // written as unscaled digits and an exponent, which a reader parses as an int
        long exponent = v == null ? 0 : (long) v.precision() - 1 - v.scale();
        if (exponent != (int) exponent) {
            throw new StreamWriteException(this, "a BigDecimal of " + v.precision()
                    + " digits and scale " + v.scale() + " has the exponent " + exponent
                    + ", which no JSON reader can parse");
        }
        return super.writeNumber(v);
    }

    @Override
    public JsonGenerator writeNumber(String encodedValue) {
        unchecked = true;
        return super.writeNumber(encodedValue);
    }

    @Override
    public JsonGenerator writeNumber(char[] encodedValueBuffer, int offset, int length) {
        unchecked = true;
        return super.writeNumber(encodedValueBuffer, offset, length);
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
    public JsonGenerator writeString(SerializableString text) {
        requireValidUnicode(text.getValue(), 0, text.getValue().length());
        return super.writeString(text);
    }

    @Override
    public JsonGenerator writeString(java.io.Reader reader, int len) {
        unchecked = true;
        return super.writeString(reader, len);
    }

    @Override
    public JsonGenerator writeUTF8String(byte[] text, int offset, int length) {
        unchecked = true;
        return super.writeUTF8String(text, offset, length);
    }

    @Override
    public JsonGenerator writeRawUTF8String(byte[] text, int offset, int length) {
        unchecked = true;
        return super.writeRawUTF8String(text, offset, length);
    }

    @Override
    public JsonGenerator writeName(String name) {
        requireValidUnicode(name, 0, name.length());
        return super.writeName(name);
    }

    @Override
    public JsonGenerator writeName(SerializableString name) {
        requireValidUnicode(name.getValue(), 0, name.getValue().length());
        return super.writeName(name);
    }

    @Override
    public JsonGenerator writeRaw(String text) {
        unchecked = true;
        return super.writeRaw(text);
    }

    @Override
    public JsonGenerator writeRaw(String text, int offset, int len) {
        unchecked = true;
        return super.writeRaw(text, offset, len);
    }

    @Override
    public JsonGenerator writeRaw(char[] text, int offset, int len) {
        unchecked = true;
        return super.writeRaw(text, offset, len);
    }

    @Override
    public JsonGenerator writeRaw(char c) {
        unchecked = true;
        return super.writeRaw(c);
    }

    @Override
    public JsonGenerator writeRaw(SerializableString raw) {
        unchecked = true;
        return super.writeRaw(raw);
    }

    @Override
    public JsonGenerator writeRawValue(String text) {
        unchecked = true;
        return super.writeRawValue(text);
    }

    @Override
    public JsonGenerator writeRawValue(String text, int offset, int len) {
        unchecked = true;
        return super.writeRawValue(text, offset, len);
    }

    @Override
    public JsonGenerator writeRawValue(char[] text, int offset, int len) {
        unchecked = true;
        return super.writeRawValue(text, offset, len);
    }

    @Override
    public JsonGenerator writeRawValue(SerializableString raw) {
        unchecked = true;
        return super.writeRawValue(raw);
    }

    @Override
    public JsonGenerator writeComment(String comment) {
        unchecked = true;
        return super.writeComment(comment);
    }

    private void requireValidUnicode(CharSequence s, int from, int to) {
        int at = loneSurrogate(s, from, to);
        if (at >= 0) {
            throw new StreamWriteException(this, String.format(
                    "lone surrogate U+%04X at index %d of a string is not valid Unicode",
                    (int) s.charAt(at), at - from));
        }
    }

    /** The index of the first lone surrogate of {@code s[from, to)}, or -1 when it has none. */
    static int loneSurrogate(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < to
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
