package io.kv4j.cli;

/** How {@code get}, {@code list} and {@code functions} print: for people, or one JSON object a line. */
enum Format {
    /** For people: keys as the shell reads them, values as compact JSON. */
    text,
    /** For scripts: one JSON object per line. */
    json
}
