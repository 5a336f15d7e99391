package io.kv4j.cli;

/**
 * Reads the words of one shell line. A key is a bare word, or a JSON string when it starts with
 * a double quote, so that keys with spaces can be written: {@code get "my key"}.
 */
final class LineScanner {

    private final String line;
    private String usage = "help";
    private int pos;

    LineScanner(String line) {
        this.line = line;
    }

    /** Names the command's usage, which error messages quote. */
    LineScanner usage(String commandUsage) {
        this.usage = commandUsage;
        return this;
    }

    boolean atEnd() {
        skipSpaces();
        return pos >= line.length();
    }

    /** The next word, up to white space, or null at the end. */
    String word() {
        if (atEnd()) {
            return null;
        }
        int start = pos;
        while (pos < line.length() && !Character.isWhitespace(line.charAt(pos))) {
            pos++;
        }
        return line.substring(start, pos);
    }

    /** Consumes the next word when it is the given one. */
    boolean accept(String expected) {
        int start = pos;
        if (expected.equals(word())) {
            return true;
        }
        pos = start;
        return false;
    }

    /**
     * The next key, function name or prefix: a bare word, or a JSON string.
     *
     * @param what what is read, for messages: "key", "function"
     */
    String key(String what) {
        if (atEnd()) {
            throw new IllegalArgumentException(what + " is missing; usage: " + usage);
        }
        if (line.charAt(pos) != '"') {
            return word();
        }
        int close = closingQuote();
        if (close < 0) {
            throw new IllegalArgumentException("the quoted " + what + " " + line.substring(pos)
                    + " has no closing quote");
        }
        String quoted = line.substring(pos, close + 1);
        pos = close + 1;
        if (pos < line.length() && !Character.isWhitespace(line.charAt(pos))) {
            throw new IllegalArgumentException(
                    "a space must follow the quoted " + what + " " + quoted);
        }
        return (String) JsonText.parse(quoted);
    }

    /** Everything left on the line, trimmed. */
    String rest() {
        skipSpaces();
        String rest = line.substring(pos).strip();
        pos = line.length();
        return rest;
    }

    /** Refuses anything left on the line. */
    void end() {
        if (!atEnd()) {
            throw new IllegalArgumentException("unexpected '" + rest() + "'; usage: " + usage
                    + " (write a key with spaces as a JSON string: \"my key\")");
        }
    }

    private int closingQuote() {
        for (int i = pos + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    private void skipSpaces() {
        while (pos < line.length() && Character.isWhitespace(line.charAt(pos))) {
            pos++;
        }
    }
}
