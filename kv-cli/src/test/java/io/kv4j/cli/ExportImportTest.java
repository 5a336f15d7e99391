package io.kv4j.cli;

import static io.kv4j.cli.Cli.kv;
import static io.kv4j.cli.Cli.kvWithInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.KvStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kv export and kv import: JSON Lines that round-trip exactly, checked before any write. */
class ExportImportTest {

    /**
     * Entries of every kind: numbers as PostgreSQL's jsonb writes them (so that they survive it
     * unchanged), unicode and invisible characters in keys and function names, nesting.
     */
    static final List<String> ENTRIES = List.of(
            "{\"function\":\"KT1\",\"key\":\"n/big\",\"value\":123456789012345678901234567890}",
            "{\"function\":\"KT1\",\"key\":\"n/float\",\"value\":2.0}",
            "{\"function\":\"KT1\",\"key\":\"n/huge\",\"value\":"
                    + "1" + "0".repeat(400) + "}",
            "{\"function\":\"KT1\",\"key\":\"n/precise\",\"value\":0.10000000000000000000001}",
            "{\"function\":\"KT1\",\"key\":\"nested\",\"value\":{\"a\":[true,null,{\"b\":\"c\"}]}}",
            "{\"function\":\"KT1\",\"key\":\"tab\\tkey\",\"value\":\"\\n\"}",
            "{\"function\":\"KT1\",\"key\":\"zero\u200Bwidth\",\"value\":null}",
            "{\"function\":\"KT1\",\"key\":\"ключ/键/\uD83D\uDD11\",\"value\":\"e\u0301\"}",
            "{\"function\":\"функция\",\"key\":\"k\",\"value\":[]}");

    @TempDir
    Path dir;

    private Cli export(String url, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("export", "--url", url));
        args.addAll(List.of(more));
        return kv(args.toArray(String[]::new));
    }

    private Cli importFile(String url, Path file) {
        return kv("import", "--url", url, "--input", file.toString());
    }

    private Path file(String name, List<String> lines) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    /** What a command said on standard error, less the warning that a memory store gives. */
    private static List<String> errors(Cli result) {
        return result.errLines().stream().filter(line -> !line.startsWith("warning: ")).toList();
    }

    private static String memoryUrl() {
        return "kv:memory:export-" + UUID.randomUUID();
    }

    @Test
    void roundTrip_betweenTwoPostgresSchemas_isExact() throws IOException {
        String a = Postgres.url(Postgres.newSchema());
        String b = Postgres.url(Postgres.newSchema());

        Cli imported = importFile(a, file("in.jsonl", ENTRIES));
        Cli exported = export(a, "--output", dir.resolve("a.jsonl").toString());
        Cli reimported = importFile(b, dir.resolve("a.jsonl"));
        Cli again = export(b);

        assertEquals(0, imported.exitCode + exported.exitCode + reimported.exitCode,
                imported + "\n" + exported + "\n" + reimported);
        assertEquals(ENTRIES, Files.readAllLines(dir.resolve("a.jsonl"), StandardCharsets.UTF_8));
        assertEquals(ENTRIES, again.outLines(), again::toString);
    }

    @Test
    void roundTrip_betweenTwoMemoryStores_keepsNumbersAsWritten() throws IOException {
        List<String> lines = List.of(
                "{\"function\":\"f\",\"key\":\"a\",\"value\":[2.0,1.0E10,1e400,-0,0.5e-3]}",
                "{\"function\":\"f\",\"key\":\"b\",\"value\":{\"x\":1.50}}");
        try (KvStore sa = KvStore.open(memoryUrl()); KvStore sb = KvStore.open(memoryUrl())) {
            String a = sa.url();
            String b = sb.url();
            importFile(a, file("in.jsonl", lines));
            Cli exported = export(a);
            Cli imported = kvWithInput(exported.out, "import", "--url", b);

            assertEquals(0, imported.exitCode, imported::toString);
            assertEquals(lines, exported.outLines());
            assertEquals(lines, export(b).outLines());
        }
    }

    @Test
    void export_writesOnlyDataToStandardOutputAndASummaryToStandardError() throws IOException {
        try (KvStore store = KvStore.open(memoryUrl())) {
            String url = store.url();
            importFile(url, file("in.jsonl", ENTRIES));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            Io io = new Io(new java.io.ByteArrayInputStream(new byte[0]), new PrintWriter(out),
                    new PrintWriter(err), false, true);

            int code = Main.run(new String[] {"export", "--url", url}, io);

            assertEquals(0, code);
            assertEquals(ENTRIES.size(), Cli.lines(out.toString()).size());
            assertTrue(err.toString().matches("exported 9 entries of 2 functions in \\d+\\.\\d s\\R"),
                    err::toString);
        }
    }

    @Test
    void exportAndImport_ofOneEntry_sayEntryInTheSingular() throws IOException {
        try (KvStore store = KvStore.open(memoryUrl())) {
            String url = store.url();

            Cli imported = importFile(url, file("one.jsonl", List.of(ENTRIES.get(0))));
            Cli exported = export(url);

            assertTrue(errors(imported).get(0).startsWith("imported 1 entry in "),
                    imported::toString);
            assertTrue(errors(exported).get(0).startsWith("exported 1 entry of 1 function in "),
                    exported::toString);
        }
    }

    @Test
    void export_ofChosenFunctionsAndAPrefix() throws IOException {
        try (KvStore store = KvStore.open(memoryUrl())) {
            String url = store.url();
            importFile(url, file("in.jsonl", ENTRIES));

            Cli result = export(url, "--function", "функция", "--function", "KT1", "--prefix", "n/f");

            assertEquals(List.of(ENTRIES.get(1)), result.outLines(), result::toString);
        }
    }

    @Test
    void import_withABadLine_reportsItsNumberAndWritesNothing() throws IOException {
        try (KvStore store = KvStore.open(memoryUrl())) {
            String url = store.url();
            List<String> lines = new java.util.ArrayList<>(ENTRIES);
            lines.add(2, "{\"function\":\"KT1\",\"key\":\"\",\"value\":1}");
            lines.add(4, "{\"function\":\"KT1\",\"key\":\"k\"}");
            lines.add(6, "{\"function\":\"KT1\",\"key\":\"k\",\"value\":{\"a\":1,}}");

            Cli result = importFile(url, file("bad.jsonl", lines));

            assertEquals(1, result.exitCode);
            assertEquals(List.of(
                    "error: line 3: Invalid key '' of function 'KT1': it is empty",
                    "error: line 5: an entry has exactly the members function, key and value,"
                            + " but this one has [function, key]",
                    "error: line 7: '{\"function\":\"KT1\",\"key\":\"k\",\"value\":{\"a\":1,}}' is"
                            + " not JSON: expected a property name in double quotes but found }"
                            + " (column 44)",
                    "error: nothing was imported: 3 of 12 lines are bad"), errors(result));
            assertEquals(List.of(), store.functions());
        }
    }

    @Test
    void import_ofTextThatIsNotUtf8_writesNothing() {
        try (KvStore store = KvStore.open(memoryUrl())) {
            String url = store.url();
            ByteArrayOutputStream in = new ByteArrayOutputStream();
            in.writeBytes((ENTRIES.get(0) + "\n").getBytes(StandardCharsets.UTF_8));
            in.writeBytes(new byte[] {'{', (byte) 0xff, '}', '\n'});

            Cli result = kvWithInput(in.toByteArray(), "import", "--url", url);

            assertEquals(1, result.exitCode);
            assertEquals(List.of("error: nothing was imported: line 2 is not UTF-8 text"),
                    errors(result));
            assertEquals(List.of(), store.functions());
        }
    }

    @Test
    void import_ofAnEndlessLine_isRefusedAtTheCapAndWritesNothing() {
        try (KvStore store = KvStore.open(memoryUrl())) {
            Cli result = kv("import", "--url", store.url(), "--input", "/dev/zero");

            assertEquals(1, result.exitCode, result::toString);
            assertEquals(List.of("error: nothing was imported: line 1 is longer than 256 MiB, more"
                    + " than kv reads as one line"), errors(result));
            assertEquals(List.of(), store.functions());
        }
    }

    @Test
    void import_ofManyEntries_writesThemAllAndSaysHowMany() throws IOException {
        try (KvStore store = KvStore.open(memoryUrl())) {
            String url = store.url();
            List<String> lines = IntStream.range(0, 2500).mapToObj(i -> String.format(
                    "{\"function\":\"f%d\",\"key\":\"k%05d\",\"value\":%d}", i / 2000, i, i))
                    .collect(Collectors.toList());

            Cli result = importFile(url, file("many.jsonl", lines));

            assertEquals(0, result.exitCode, result::toString);
            assertTrue(errors(result).get(0).startsWith("imported 2,500 entries in "),
                    result::toString);
            assertEquals(List.of("f0", "f1"), store.functions());
            assertEquals(2499L, store.reader("f1").get("k02499"));
        }
    }

    @Test
    void import_ofFunctionsInterleaved_commitsInBatchesAsSortedInputDoes() throws Exception {
        String schema = Postgres.newSchema();
        String url = Postgres.url(schema);
        List<String> lines = IntStream.range(0, 2500).mapToObj(i -> String.format(
                "{\"function\":\"f%d\",\"key\":\"k%05d\",\"value\":%d}", i % 2, i, i))
                .collect(Collectors.toList());
        lines.add("{\"function\":\"f0\",\"key\":\"k00000\",\"value\":\"last\"}");

        Cli result = importFile(url, file("interleaved.jsonl", lines));

        assertEquals(0, result.exitCode, result::toString);
        assertEquals("3", Postgres.one("SELECT count(*) FROM " + schema + ".commits"),
                "one commit per 1,000 lines, whatever their functions");
        try (KvStore store = KvStore.open(url)) {
            assertEquals(1250, CountCommand.count(store.reader("f1"), ""));
            assertEquals("last", store.reader("f0").get("k00000"), "a later line wins");
            assertEquals(2499L, store.reader("f1").get("k02499"));
        }
    }

    @Test
    void import_overwritesTheKeysItHoldsAndKeepsTheOthers() throws IOException {
        try (KvStore store = KvStore.open(memoryUrl())) {
            String url = store.url();
            store.run("f", kv -> {
                kv.set("a", 1);
                kv.set("b", 1);
                return null;
            });

            importFile(url, file("in.jsonl", List.of("{\"function\":\"f\",\"key\":\"a\",\"value\":2}")));

            assertEquals(Map.of("a", 2L, "b", 1L), Map.of("a", store.reader("f").get("a"),
                    "b", store.reader("f").get("b")));
        }
    }
}
