package io.kv4j.postgres;

/**
 * Decides how a JSON value is stored. {@code jsonb} is what operators query, but it does not give
 * every value back as written: it refuses the escape {@code \u0000} in strings, turns
 * {@code 1.0E20} into the integer {@code 100000000000000000000} and {@code -0.0} into {@code 0.0},
 * and refuses numbers past the limits of {@code numeric}. Values at risk keep their exact text in a
 * {@code json} column, which is what reads return; everything else is stored as {@code jsonb} only.
 */
final class JsonShape {

    /** Stored as {@code jsonb} only: it comes back equal. */
    static final short JSONB = 0;
    /** Stored as {@code jsonb} for queries and as exact text for reads. */
    static final short JSONB_AND_EXACT = 1;
    /** Stored as exact text only: {@code jsonb} refuses it. */
    static final short EXACT = 2;

    /** Longer numbers may pass the limits of {@code numeric}: stored exactly, never as jsonb. */
    private static final int MAX_JSONB_NUMBER = 10_000;
    /** Larger exponents may pass the limits of {@code numeric} (131,072 digits before the point,
     * 16,383 after): stored exactly, never as jsonb. */
    private static final int MAX_JSONB_EXPONENT = 1_000;

    private JsonShape() {
    }

    /**
     * Classifies a value.
     *
     * @param json UTF-8 JSON text, well-formed
     * @return {@link #JSONB}, {@link #JSONB_AND_EXACT} or {@link #EXACT}
     */
    static short of(byte[] json) {
        short shape = JSONB;
        int i = 0;
        int n = json.length;
        while (i < n) {
            byte b = json[i];
            if (b == '"') {
                i++;
                while (i < n && json[i] != '"') {
                    if (json[i] == '\\') {
                        if (i + 5 < n && json[i + 1] == 'u' && json[i + 2] == '0'
                                && json[i + 3] == '0' && json[i + 4] == '0' && json[i + 5] == '0') {
                            return EXACT;
                        }
                        i++;
                    }
                    i++;
                }
                i++;
            } else if (b == '-' || (b >= '0' && b <= '9')) {
                int start = i;
                boolean exponent = false;
                boolean nonZeroDigit = false;
                long exponentValue = 0;
                while (i < n && isNumberByte(json[i])) {
                    byte c = json[i];
                    if (exponent && c >= '0' && c <= '9') {
                        exponentValue = Math.min(exponentValue * 10 + (c - '0'), Integer.MAX_VALUE);
                    }
                    exponent |= c == 'e' || c == 'E';
                    nonZeroDigit |= !exponent && c >= '1' && c <= '9';
                    i++;
                }
                if (i - start > MAX_JSONB_NUMBER || exponentValue > MAX_JSONB_EXPONENT) {
                    return EXACT;
                }
                if (exponent || (b == '-' && !nonZeroDigit)) {
                    shape = JSONB_AND_EXACT;
                }
            } else {
                i++;
            }
        }
        return shape;
    }

    private static boolean isNumberByte(byte c) {
        return (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
    }
}
