package io.kv4j.postgres;

/** Names quoted for messages: control characters escaped, long ones shortened. */
final class Show {

    private static final int MAX_CHARS = 64;

    private Show() {
    }

    static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("'");
        int n = Math.min(s.length(), MAX_CHARS);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('\'');
        if (s.length() > n) {
            out.append("... (").append(s.length()).append(" chars)");
        }
        return out.toString();
    }
}
