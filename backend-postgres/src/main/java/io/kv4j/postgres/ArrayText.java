package io.kv4j.postgres;

/**
 * An array parameter in PostgreSQL's text form, {@code {"a","b",NULL}} or {@code {1,2}}:
 * cheaper to build than the driver's array objects, which look up the element type on every
 * use.
 */
final class ArrayText {

    private final StringBuilder out = new StringBuilder("{");

    void text(String s) {
        separate();
        if (s == null) {
            out.append("NULL");
            return;
        }
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"' || ch == '\\') {
                out.append('\\');
            }
            out.append(ch);
        }
        out.append('"');
    }

    void number(long n) {
        separate();
        out.append(n);
    }

    void bool(boolean b) {
        separate();
        out.append(b ? 't' : 'f');
    }

    boolean isEmpty() {
        return out.length() == 1;
    }

    private void separate() {
        if (out.length() > 1) {
            out.append(',');
        }
    }

    /** The finished literal; the builder is used up. */
    String close() {
        return out.append('}').toString();
    }
}
