package io.kv4j.postgres;

import java.util.HashMap;
import java.util.Map;

/**
 * Named statements from a resource file beside the migrations, read once when a store opens:
 * a line {@code -- name: <name>} starts a statement, which runs to the next one; {@code ${schema}}
 * is replaced, as in the migrations. Comment lines are dropped and the lines joined, so the server
 * receives (and logs) each statement on one line.
 */
final class SqlFile {

    private static final String NAME = "-- name:";

    private final String file;
    private final Map<String, String> statements;

    private SqlFile(String file, Map<String, String> statements) {
        this.file = file;
        this.statements = statements;
    }

    /** Reads {@code file} from this package for {@code schema}. */
    static SqlFile load(String file, String schema) {
        Map<String, String> statements = new HashMap<>();
        String name = null;
        StringBuilder text = new StringBuilder();
        for (String line : (Migrations.load(file) + "\n" + NAME + " end").split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith(NAME)) {
                if (name != null) {
                    statements.put(name, text.toString().replace("${schema}", schema));
                }
                name = trimmed.substring(NAME.length()).strip();
                text.setLength(0);
            } else if (!trimmed.isEmpty() && !trimmed.startsWith("--")) {
                text.append(text.length() == 0 ? "" : " ").append(trimmed);
            }
        }
        return new SqlFile(file, statements);
    }

    /**
     * The statement called {@code name}.
     *
     * @throws IllegalStateException when the file has none: a packaging error
     */
    String get(String name) {
        String sql = statements.get(name);
        if (sql == null) {
            throw new IllegalStateException("No statement '" + name + "' in " + file);
        }
        return sql;
    }
}
