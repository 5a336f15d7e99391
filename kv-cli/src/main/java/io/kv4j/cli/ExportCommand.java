package io.kv4j.cli;

import io.kv4j.KvEntry;
import io.kv4j.KvPage;
import io.kv4j.KvReader;
import io.kv4j.KvStore;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kv export}: every entry as JSON Lines. */
@Command(name = "export",
        description = {
            "Write entries as JSON Lines.",
            "One {\"function\":...,\"key\":...,\"value\":...} a line, functions and keys",
            "in UTF-8 order, values as the store holds them. Each page of "
                    + KvReader.MAX_PAGE_SIZE + " entries",
            "is read at once; the whole export is not a snapshot of a store that",
            "others write meanwhile."},
        exitCodeList = {ExitCode.OK_LINE, ExitCode.FAILED_LINE, ExitCode.USAGE_LINE})
final class ExportCommand extends StoreCommand {

    @Option(names = {"-f", "--function"}, paramLabel = "FUNCTION", description = {
        "Export this function; repeat for more.",
        "Default: every function that holds data."})
    private List<String> functions;

    @Option(names = "--prefix", paramLabel = "PREFIX", defaultValue = "",
            description = "Export only the keys that start with PREFIX.")
    private String prefix;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = {
        "Write to FILE, which appears only once complete.",
        "Default: standard output."})
    private Path output;

    @Override
    int execute(Session session) throws IOException {
        session.requireNoTransaction("export");
        KvStore store = session.store();
        List<String> names = functions == null ? store.functions()
                : new ArrayList<>(new LinkedHashSet<>(functions));
        Progress progress = new Progress("export", session.io());
        long entries;
        if (output == null) {
            entries = export(store, names, session.io().out(), progress);
            if (session.io().out().checkError()) {
                throw new IOException("standard output was closed before the export ended");
            }
        } else {
            Path folder = output.toAbsolutePath().getParent();
            if (!Files.isDirectory(folder)) {
                throw new IllegalArgumentException("no such folder: " + folder);
            }
            Path partial = Files.createTempFile(folder,
                    "." + output.getFileName(), ".partial");
            try {
                try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                    entries = export(store, names, out, progress);
                }
                Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        }
        progress.finish("exported " + Words.count(entries, "entry") + " of "
                + Words.count(names.size(), "function") + (output == null ? "" : " to " + output)
                + " " + progress.took());
        return ExitCode.OK;
    }

    private long export(KvStore store, List<String> names, Writer out, Progress progress)
            throws IOException {
        long entries = 0;
        for (int i = 0; i < names.size(); i++) {
            String function = names.get(i);
            KvReader reader = store.reader(function);
            progress.note("function " + (i + 1) + " of " + names.size());
            String cursor = null;
            do {
                KvPage page = reader.list(prefix, cursor, KvReader.MAX_PAGE_SIZE);
                for (KvEntry entry : page.entries()) {
                    out.write(JsonText.object(List.of("function", function, "key", entry.key()),
                            entry.json()));
                    out.write('\n');
                }
                entries += page.entries().size();
                progress.advance(page.entries().size(), -1);
                cursor = page.cursor();
            } while (cursor != null);
        }
        out.flush();
        return entries;
    }
}
