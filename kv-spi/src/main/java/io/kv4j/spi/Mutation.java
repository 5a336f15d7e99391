package io.kv4j.spi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An atomic change to a whole number that a commit applies to the value the key holds then,
 * without the transaction having read it: a sum, a minimum, a maximum, or several of them in a
 * row. Two commits that mutate the same key therefore never conflict with each other.
 *
 * <p>Every such change, and every sequence of them, is one function of the current value
 * {@code x}: {@code min(max(x + addend, floor), ceiling)} for a key that holds a whole number
 * (a bound that is null does not apply), and {@link #ifMissing()} for a key without an entry,
 * since a missing key starts from the first operand. A backend applies a mutation with
 * {@link #apply(BigInteger)}, or computes the same formula in its own language (SQL's
 * {@code LEAST(GREATEST(x + addend, floor), ceiling)}, which skips null bounds). A value that is
 * not a whole number ({@link #wholeNumber(byte[])} returns null) fails the commit with
 * {@link BackendException#notAnInteger}.
 */
public final class Mutation {

    /** The most decimal digits of a whole number a mutation reads or writes. */
    public static final int MAX_DIGITS = 1_000;

    /** A JSON number all of whose digits are zeros, with an exponent. */
    private static final Pattern ZERO = Pattern.compile("-?0+(\\.0*)?[eE][+-]?[0-9]+");

    private final BigInteger addend;
    private final BigInteger floor;
    private final BigInteger ceiling;
    private final BigInteger ifMissing;

    private Mutation(BigInteger addend, BigInteger floor, BigInteger ceiling,
            BigInteger ifMissing) {
        this.addend = addend;
        this.floor = floor;
        this.ceiling = ceiling;
        this.ifMissing = ifMissing;
    }

    /**
     * Adds {@code n}; a missing key becomes {@code n}.
     *
     * @param n the operand
     * @return the mutation
     */
    public static Mutation sum(BigInteger n) {
        return new Mutation(check(n), null, null, n);
    }

    /**
     * Keeps the smaller of the value and {@code n}; a missing key becomes {@code n}.
     *
     * @param n the operand
     * @return the mutation
     */
    public static Mutation min(BigInteger n) {
        return new Mutation(BigInteger.ZERO, null, check(n), n);
    }

    /**
     * Keeps the greater of the value and {@code n}; a missing key becomes {@code n}.
     *
     * @param n the operand
     * @return the mutation
     */
    public static Mutation max(BigInteger n) {
        return new Mutation(BigInteger.ZERO, check(n), null, n);
    }

    /**
     * This mutation followed by another, as one.
     *
     * @param next the mutation applied to this one's result
     * @return the composition
     */
    public Mutation then(Mutation next) {
        // min(max(min(max(x + a1, f1), c1) + a2, f2), c2) = min(max(x + a, f), c), with
        // a = a1 + a2, f = max(f1 + a2, f2), c = min(max(c1 + a2, f2), c2): + distributes over
        // min and max, and max distributes over min
        BigInteger a = addend.add(next.addend);
        BigInteger f = greater(floor == null ? null : floor.add(next.addend), next.floor);
        BigInteger c = ceiling == null ? null : greater(ceiling.add(next.addend), next.floor);
        c = smaller(c, next.ceiling);
        return new Mutation(a, f, c, next.apply(ifMissing));
    }

    /**
     * The new value of a key.
     *
     * @param current the whole number the key holds, or null when it has no entry
     * @return the value after the mutation
     */
    public BigInteger apply(BigInteger current) {
        if (current == null) {
            return ifMissing;
        }
        return smaller(greater(current.add(addend), floor), ceiling);
    }

    /**
     * What is added to the current value first.
     *
     * @return the addend, zero for a bare minimum or maximum
     */
    public BigInteger addend() {
        return addend;
    }

    /**
     * The lower bound applied after the addition.
     *
     * @return the bound, or null for none
     */
    public BigInteger floor() {
        return floor;
    }

    /**
     * The upper bound applied after the lower one.
     *
     * @return the bound, or null for none
     */
    public BigInteger ceiling() {
        return ceiling;
    }

    /**
     * The value of a key that has no entry.
     *
     * @return the value
     */
    public BigInteger ifMissing() {
        return ifMissing;
    }

    /**
     * The whole number a stored value holds: a JSON number whose value is whole ({@code 7},
     * {@code -2}, {@code 1e3}, {@code 2.0}) and has at most {@link #MAX_DIGITS} digits; zero in
     * any spelling ({@code 0e1000}, {@code -0.0e-99999999999}) is one.
     *
     * @param json a value as UTF-8 JSON bytes
     * @return the number, or null when the value is anything else (a fraction, a string, an
     *     object, JSON null, a number too large)
     */
    public static BigInteger wholeNumber(byte[] json) {
        String text = new String(json, StandardCharsets.UTF_8).strip();
        if (text.isEmpty() || !(text.charAt(0) == '-' || Character.isDigit(text.charAt(0)))) {
            return null;
        }
        BigDecimal number;
        try {
            number = new BigDecimal(text);
        } catch (NumberFormatException e) {
            // BigDecimal keeps its scale in an int, so it refuses 0e-2147483648 and
            // 0e99999999999; they are zero all the same
            return ZERO.matcher(text).matches() ? BigInteger.ZERO : null;
        }
        // precision - scale counts the digits before the point (in a long: 1e2147483647 makes
        // an int wrap), but BigDecimal gives zero a precision of 1 whatever its scale: 0e1000
        // has none
        if (number.signum() != 0 && (long) number.precision() - number.scale() > MAX_DIGITS) {
            return null;
        }
        try {
            return number.toBigIntegerExact();
        } catch (ArithmeticException fraction) {
            return null;
        }
    }

    /**
     * The JSON text of a whole number, as a mutation writes it.
     *
     * @param n the number
     * @return its UTF-8 JSON bytes
     */
    public static byte[] json(BigInteger n) {
        return n.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static BigInteger check(BigInteger n) {
        Objects.requireNonNull(n, "n");
        if (n.abs().toString().length() > MAX_DIGITS) {
            throw new IllegalArgumentException("an operand may have at most " + MAX_DIGITS
                    + " digits");
        }
        return n;
    }

    private static BigInteger greater(BigInteger a, BigInteger b) {
        return a == null ? b : b == null ? a : a.max(b);
    }

    private static BigInteger smaller(BigInteger a, BigInteger b) {
        return a == null ? b : b == null ? a : a.min(b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mutation m && m.addend.equals(addend) && Objects.equals(m.floor, floor)
                && Objects.equals(m.ceiling, ceiling) && m.ifMissing.equals(ifMissing);
    }

    @Override
    public int hashCode() {
        return Objects.hash(addend, floor, ceiling, ifMissing);
    }

    @Override
    public String toString() {
        return "Mutation[x + " + addend + (floor == null ? "" : ", at least " + floor)
                + (ceiling == null ? "" : ", at most " + ceiling) + ", if missing " + ifMissing
                + "]";
    }
}
