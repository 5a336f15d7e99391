/**
 * The {@code kv} command: a shell and one-shot commands to browse and edit a store. It is a
 * program, not a library, so it exports nothing; picocli reads its commands reflectively.
 */
module io.kv4j.cli {
    requires io.kv4j;
    requires tools.jackson.databind;
    requires io.kv4j.tck;
    requires info.picocli;

    opens io.kv4j.cli to info.picocli;
}
