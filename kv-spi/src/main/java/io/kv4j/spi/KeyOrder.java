package io.kv4j.spi;

import java.util.Comparator;

/**
 * The order of keys on every backend: UTF-8 byte order, which is Unicode code point order.
 *
 * <p>It differs from {@link String#compareTo}, which compares UTF-16 code units and so sorts
 * characters above U+FFFF (stored as surrogates, U+D800 to U+DFFF) before U+E000 to U+FFFF.
 */
public final class KeyOrder {

    /** Compares strings in UTF-8 byte order. */
    public static final Comparator<String> COMPARATOR = KeyOrder::compare;

    private KeyOrder() {
    }

    /**
     * Compares two strings in UTF-8 byte order without encoding them.
     *
     * @param a a string of valid Unicode
     * @param b another
     * @return negative, zero or positive as {@code a} sorts before, equal to or after {@code b}
     */
    public static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return fixup(x) - fixup(y);
            }
        }
        return a.length() - b.length();
    }

    // Surrogates (U+D800..U+DFFF) encode code points above U+FFFF, so they must sort after
    // U+E000..U+FFFF: move surrogates up and the chars above them down.
    private static int fixup(char c) {
        if (c < Character.MIN_SURROGATE) {
            return c;
        }
        return Character.isSurrogate(c) ? c + 0x2000 : c - 0x800;
    }
}
