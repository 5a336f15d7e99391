package io.kv4j.bench;

import io.kv4j.KvEntry;
import io.kv4j.KvPage;
import io.kv4j.KvReader;
import io.kv4j.KvStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A SQLite store of many entries, measured once in this JVM: how long opening it takes until its
 * first read, the size of its file per entry, and how fast every entry is exported as
 * {@code kv export} does (pages of 1,000 through a reader, one JSON line each, here to a stream
 * that only counts).
 */
final class SqliteStore {

    /**
     * What was measured.
     *
     * @param entries the entries in the store
     * @param openMs milliseconds from {@code KvStore.open} to the end of the first read
     * @param bytesPerEntry the file's size after the store closed, per entry
     * @param exportPerSecond entries exported per second
     */
    record Measure(int entries, double openMs, double bytesPerEntry, double exportPerSecond) {
    }

    private SqliteStore() {
    }

    static void print(Measure m, PrintStream out) {
        TextTable table = new TextTable("measure", "setting", ">value");
        table.section("== SQLite store: kv4j on kv:sqlite:, WAL, synchronous=FULL, after loading"
                + " in requests of 1,000 keys");
        String setting = String.format(Locale.ROOT, "entries=%d", m.entries());
        table.add("open until the first read", setting,
                String.format(Locale.ROOT, "%.0f ms", m.openMs()));
        table.add("file size per entry", setting,
                String.format(Locale.ROOT, "%.0f bytes", m.bytesPerEntry()));
        table.add("export (as kv export, to a null stream)", setting,
                String.format(Locale.ROOT, "%,.0f entries/s", m.exportPerSecond()));
        table.print(out);
    }

    static Measure measure(int entries) throws IOException {
        Path dir = Files.createTempDirectory("kv-bench-sqlite-store");
        Path file = dir.resolve("store.db");
        String url = "kv:sqlite:" + file;
        try {
            String[] names = Keys.first(entries);
            try (Adapter loader = Adapters.sqlite(Adapters.KV4J, file)) {
                for (List<String> block : Keys.blocks(names, Keys.BLOCK)) {
                    loader.load(block);
                }
            }
            double bytesPerEntry = (double) Files.size(file) / entries;
            long start = System.nanoTime();
            try (KvStore store = KvStore.open(url)) {
                store.reader(Kv4jAdapter.FUNCTION).get(names[entries / 2]);
                double openMs = (System.nanoTime() - start) / 1e6;
                start = System.nanoTime();
                long exported = export(store, OutputStream.nullOutputStream());
                double seconds = (System.nanoTime() - start) / 1e9;
                if (exported != entries) {
                    throw new IllegalStateException("exported " + exported + " of " + entries);
                }
                return new Measure(entries, openMs, bytesPerEntry, exported / seconds);
            }
        } catch (java.sql.SQLException e) {
            throw new IOException(e);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static long export(KvStore store, OutputStream out) throws IOException {
        ObjectMapper mapper = JsonMapper.builder().build();
        long n = 0;
        for (String function : store.functions()) {
            KvReader reader = store.reader(function);
            String cursor = null;
            do {
                KvPage page = reader.list("", cursor, KvReader.MAX_PAGE_SIZE);
                for (KvEntry entry : page.entries()) {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("function", function);
                    line.put("key", entry.key());
                    line.put("value", entry.value());
                    out.write(mapper.writeValueAsBytes(line));
                    out.write('\n');
                    n++;
                }
                cursor = page.cursor();
            } while (cursor != null);
        }
        return n;
    }
}
