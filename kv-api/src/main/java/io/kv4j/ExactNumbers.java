package io.kv4j;

import java.math.BigDecimal;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.type.LogicalType;

/**
 * How kv4j reads a JSON number that no Java type asks for (untyped reads, and {@code Object} and
 * {@code Number} positions with kv4j's own mapper): as a number that writes back unchanged. An
 * integer (no fraction, no exponent) is a {@link Long}, or a {@link java.math.BigInteger} beyond
 * its range. Any other number is a {@link Double} when {@link Double#toString(double)} of the
 * nearest double denotes the same number, so that writing the double gives the same JSON number;
 * otherwise it is the {@link BigDecimal} that holds it exactly. Jackson's own choice, a double
 * for every fraction, reads {@code 1E+400} as Infinity and {@code 12345678901234567890.10} as
 * {@code 1.2345678901234567E19}, so that a value read, changed and written back loses them.
 */
final class ExactNumbers extends StdScalarDeserializer<Number> {

    static final ExactNumbers INSTANCE = new ExactNumbers();

    private ExactNumbers() {
        super(Number.class);
    }

    /**
     * Reads the number at the parser's current token, which must be a number.
     *
     * @throws NumberFormatException or a Jackson exception for a number that no
     *     {@link BigDecimal} holds, such as one whose exponent is beyond an int
     */
    static Number read(JsonParser p) {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? p.getBigIntegerValue() : (Number) p.getLongValue();
        }
        double d = p.getDoubleValue();
        if (Double.isFinite(d)) {
            String shown = Double.toString(d);
            // the common case, a double written by Java, needs no BigDecimal
            if (shown.equals(p.getString())
                    || new BigDecimal(shown).compareTo(p.getDecimalValue()) == 0) {
                return d;
            }
        }
        return p.getDecimalValue();
    }

    @Override
    public Number deserialize(JsonParser p, DeserializationContext context) {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT
                || p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
            return read(p);
        }
        // text, null and the rest as Jackson reads them into a Number
        return (Number) NumberDeserializers.NumberDeserializer.instance.deserialize(p, context);
    }

    @Override
    public LogicalType logicalType() {
        return NumberDeserializers.NumberDeserializer.instance.logicalType();
    }
}
