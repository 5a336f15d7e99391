/**
 * The {@code kv} command: a shell and one-shot commands to browse, edit, export and import a
 * store. It is a program, not a library, so it exports nothing; picocli reads its commands and
 * Jackson its value readers reflectively.
 */
module io.kv4j.cli {
    requires io.kv4j;
    requires tools.jackson.databind;
    requires io.kv4j.tck;
    requires info.picocli;
    requires org.jline.reader;
    requires org.jline.terminal;

    opens io.kv4j.cli to info.picocli, tools.jackson.databind;
}
