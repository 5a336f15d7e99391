package io.kv4j.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.KvStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's examples and figures, against real runs: the Java sample compiles and runs, the
 * commands shown print what is shown (on the memory store and on an embedded PostgreSQL 17, as
 * the README runs them), and its tables name what the build has.
 */
class ReadmeTest {

    private static final String README = Docs.read("README.md");

    private static EmbeddedPostgres server;

    @BeforeAll
    static void startPostgres() throws Exception {
        server = EmbeddedPostgres.builder().setRegisterShutdownHook(true).start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        server.close();
    }

    private static String postgresUrl() {
        return "kv:postgresql://localhost:" + server.getPort() + "/postgres";
    }

    private static String freshSchema() {
        return "docs_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    @Test
    void theJavaSample_compilesAndRuns_onMemoryAndOnPostgres(@TempDir Path dir) throws Exception {
        String sample = Docs.blocks(Docs.section(README, "## Use"), "java").get(0);
        String open = "KvStore.open(\"kv:memory:\")";
        assertTrue(sample.contains(open), sample);
        // the sample with the store's URL as a parameter, handing out what it computed
        String body = sample.replace(open, "KvStore.open(url, options)");
        int end = body.lastIndexOf('}');
        body = body.substring(0, end) + "    seen.add(n);\n    seen.add(v);\n" + body.substring(end);
        Path source = dir.resolve("ReadmeUse.java");
        Files.writeString(source, "import io.kv4j.*;\nimport java.util.*;\n\npublic class ReadmeUse {\n"
                + "    public static void run(String url, Map<String, String> options,"
                + " List<Object> seen) {\n" + body + "    }\n}\n", StandardCharsets.UTF_8);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int code = javac.run(null, null, null, "-d", dir.toString(), "-classpath",
                classPath(), source.toString());
        assertEquals(0, code, "javac of the README's sample:\n" + Files.readString(source));

        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                getClass().getClassLoader())) {
            var run = loader.loadClass("ReadmeUse").getMethod("run", String.class, Map.class,
                    List.class);
            List<Object> onMemory = new ArrayList<>();
            run.invoke(null, "kv:memory:", Map.of(), onMemory);
            assertEquals(List.of(1L, 1L), onMemory, "n and v on kv:memory:");

            Map<String, String> options = Map.of("user", "postgres", "schema", freshSchema());
            List<Object> onPostgres = new ArrayList<>();
            run.invoke(null, postgresUrl(), options, onPostgres);
            assertEquals(List.of(1L, 1L), onPostgres, "n and v on PostgreSQL");
            try (KvStore store = KvStore.open(postgresUrl(), options)) {
                assertEquals(1L, store.reader("KT1Counter").get("count"), "committed");
            }
        }
    }

    /** The test's class path, for the compiler: Surefire runs tests from a manifest-only jar. */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null ? surefire : System.getProperty("java.class.path");
    }

    @Test
    void theKitOnTheSharedMemoryStore_printsTheLinesShown(@TempDir Path dir) throws Exception {
        String intro = README.substring(0, README.indexOf("\n## "));
        List<String> command = Kv.words(Docs.blocks(intro, "sh").get(0).lines().findFirst()
                .orElseThrow());
        assertEquals(List.of("./kv", "tck", "--url", "kv:memory:kit"), command);
        Kv.Result run = Kv.run(dir, Map.of(), command.subList(1, command.size()));
        assertEquals(0, run.exitCode(), run.toString());
        List<String> printed = run.out().lines().toList();
        for (String shown : Docs.blocks(intro, "").get(0).lines().toList()) {
            if (shown.strip().equals("...")) {
                continue;
            }
            // the run's time is the one figure that changes
            Pattern line = Pattern.compile(Pattern.quote(shown)
                    .replaceAll(" in \\d+ ms", "\\\\E in \\\\d+ ms\\\\Q"));
            assertTrue(printed.stream().anyMatch(p -> line.matcher(p).matches()),
                    "the README shows\n" + shown + "\nbut the run printed:\n" + run.out());
        }
    }

    @Test
    void theKitOnAPrivateMemoryStore_passesWithUntestedMustClauses_exitCode3(@TempDir Path dir)
            throws Exception {
        assertTrue(README.contains("On plain `kv:memory:` each store has storage of its own"));
        assertTrue(README.contains("`PASSED WITH UNTESTED MUST CLAUSES`,\nexit code 3"));
        Kv.Result run = Kv.run(dir, Map.of(), List.of("tck", "--url", "kv:memory:"));
        assertEquals(3, run.exitCode(), run.toString());
        assertTrue(run.out().contains("PASSED WITH UNTESTED MUST CLAUSES"), run.toString());
    }

    @Test
    void theOneShotCommands_printWhatIsShown_onPostgres(@TempDir Path dir) throws Exception {
        String section = Docs.section(README, "## The `kv` command");
        String block = Docs.blocks(section, "sh").stream()
                .filter(b -> b.startsWith("export KV_URL=")).findFirst().orElseThrow();
        List<String> lines = block.lines().toList();
        String url = Kv.words(lines.get(0)).get(1).substring("KV_URL=".length());
        assertTrue(url.startsWith("kv:postgresql://localhost:5432/postgres?"), url);
        Map<String, String> env = Map.of("KV_URL", url.replace("localhost:5432",
                "localhost:" + server.getPort()) + "&schema=" + freshSchema());
        Files.writeString(dir.resolve("big.json"), "{\"items\": [1, 2, 3]}");
        for (String line : lines.subList(1, lines.size())) {
            List<String> words = Kv.words(line);
            assertEquals("./kv", words.get(0), line);
            List<String> args = new ArrayList<>(words.subList(1, words.size()));
            int hash = line.lastIndexOf(" # ");
            String comment = hash < 0 ? null : line.substring(hash + 3).strip();
            if (args.get(0).equals("drop") && comment != null && comment.contains("--yes")) {
                args.add("--yes"); // as a script runs it
            }
            Kv.Result run = Kv.run(dir, env, args);
            Matcher nothing = Pattern.compile("prints nothing; exit code (\\d)").matcher(
                    comment == null ? "" : comment);
            if (nothing.matches()) {
                assertEquals(Integer.parseInt(nothing.group(1)), run.exitCode(), line + "\n" + run);
                assertEquals("", run.out(), line);
                continue;
            }
            Matcher exit = Pattern.compile("(.*); exit code (\\d)").matcher(
                    comment == null ? "" : comment);
            if (exit.matches()) {
                comment = exit.group(1);
            }
            assertEquals(exit.matches() ? Integer.parseInt(exit.group(2)) : 0, run.exitCode(),
                    line + "\n" + run);
            if (comment == null) {
                continue;
            }
            if (comment.startsWith("{")) {
                // one line each, in order; "..." stands for any text, "an empty line" for ""
                List<String> shown = List.of(comment.split(" then ")).stream()
                        .map(s -> s.equals("an empty line") ? "" : s).toList();
                List<String> printed = run.out().lines().toList();
                assertEquals(shown.size(), printed.size(), line + "\n" + run);
                for (int i = 0; i < shown.size(); i++) {
                    String pattern = Pattern.quote(shown.get(i)).replace("...", "\\E.*\\Q");
                    assertTrue(printed.get(i).matches(pattern), line + ": " + shown.get(i)
                            + " is not what it printed:\n" + run.out());
                }
            } else if (comment.matches("[\\w-]+")) {
                assertEquals(comment, run.out().strip(), line);
            }
        }
        List<String> exported = Files.readAllLines(dir.resolve("backup.jsonl"));
        assertEquals(2, exported.size(), String.join("\n", exported));
        assertTrue(exported.stream().allMatch(l -> l.startsWith("{\"function\":\"KT1\",\"key\":")),
                String.join("\n", exported));
    }

    /**
     * What the README says {@code export} writes of numbers, run on PostgreSQL, whose {@code jsonb}
     * rewrites some: the numbers it lists as written digit for digit, and each "{@code A} as
     * {@code B}" it states.
     */
    @Test
    void export_writesNumbersAsTheReadmeSays_onPostgres(@TempDir Path dir) throws Exception {
        String text = Docs.section(README, "## The `kv` command").replaceAll("\\s+", " ");
        String paragraph = text.substring(text.indexOf("`export` writes one"));
        paragraph = paragraph.substring(0, paragraph.indexOf("`import` checks"));
        Matcher claim = Pattern.compile("numbers digit for digit \\(([^)]*)\\)").matcher(paragraph);
        assertTrue(claim.find(), "the README's sentence on numbers: " + paragraph);
        Map<String, String> expected = new LinkedHashMap<>();
        Matcher number = Pattern.compile("`([^`]+)`").matcher(claim.group(1));
        while (number.find()) {
            expected.put(number.group(1), number.group(1));
        }
        assertTrue(expected.containsKey("1.0E10"), expected.toString());
        Matcher as = Pattern.compile("`([^`]+)` as `([^`]+)`").matcher(paragraph);
        while (as.find()) {
            expected.put(as.group(1), as.group(2));
        }
        Map<String, String> env = Map.of("KV_URL", postgresUrl() + "?user=postgres&schema="
                + freshSchema());
        Kv.Result set = Kv.run(dir, env, List.of("set", "--function", "N", "n",
                "[" + String.join(",", expected.keySet()) + "]"));
        assertEquals(0, set.exitCode(), set.toString());
        Kv.Result export = Kv.run(dir, env, List.of("export", "--function", "N"));
        assertEquals("{\"function\":\"N\",\"key\":\"n\",\"value\":["
                + String.join(",", expected.values()) + "]}", export.out().strip(),
                export.toString());
    }

    @Test
    void theShellScriptOfATransaction_abortsIt_andExitsWith1(@TempDir Path dir) throws Exception {
        String section = Docs.section(README, "## The `kv` command");
        String script = Docs.blocks(section, "").stream().filter(b -> b.startsWith("use "))
                .findFirst().orElseThrow();
        assertTrue(section.replaceAll("\\s+", " ").contains("a script exits with 1"), section);
        assertTrue(script.contains("alice is still 100"), script);
        Files.writeString(dir.resolve("transfer.kv"), script);
        Kv.Result run = Kv.run(dir, Map.of(), List.of("shell", "transfer.kv"));
        assertEquals(1, run.exitCode(), run.toString());
        List<String> printed = run.out().lines().toList();
        assertEquals("100", printed.get(printed.size() - 1), run.toString());
    }

    @Test
    void theModuleTable_namesEveryModuleAndItsArtifact() {
        String table = Docs.section(README, "## Maven coordinates");
        Matcher row = Pattern.compile("(?m)^\\| `([^`]+)` \\| (`([^`]+)`|\\(not published\\)) \\|")
                .matcher(table);
        String bom = Docs.read("kv-bom/pom.xml");
        TreeSet<String> documented = new TreeSet<>();
        while (row.find()) {
            String module = row.group(1);
            documented.add(module);
            String pom = Docs.read(module + File.separator + "pom.xml");
            String own = pom.substring(pom.indexOf("</parent>") < 0 ? 0 : pom.indexOf("</parent>"));
            String artifact = own.replaceFirst("(?s).*?<artifactId>([^<]+)</artifactId>.*", "$1");
            boolean inBom = bom.contains("<artifactId>" + artifact + "</artifactId>");
            if (row.group(3) != null) {
                assertEquals(row.group(3), artifact, module);
                assertTrue(inBom || artifact.equals("kv-bom"), artifact + " is in kv-bom");
            } else {
                assertTrue(!inBom, module + " is said not to be published, but kv-bom has it");
            }
        }
        TreeSet<String> modules = new TreeSet<>();
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(Docs.read("pom.xml"));
        while (module.find()) {
            modules.add(module.group(1));
        }
        assertEquals(modules, documented);
    }

    @Test
    void theTestcontainersExamples_areTheCodeOfTestsThatRun() {
        assertSnippetIsIn(Docs.blocks(Docs.section(README, "## Spring Boot"), "java").get(0),
                "examples/spring-boot/src/test/java/io/kv4j/examples/spring/CounterContainerTest.java");
        assertSnippetIsIn(Docs.blocks(Docs.section(Docs.read("backend-postgres/README.md"),
                        "## Testcontainers"), "java").get(0),
                "backend-postgres/src/test/java/io/kv4j/postgres/ContainerStoreTest.java");
    }

    /** Every line of the snippet is a line of the file, in the same order. */
    private static void assertSnippetIsIn(String snippet, String path) {
        List<String> code = Docs.read(path).lines().map(String::strip).toList();
        int at = 0;
        for (String line : snippet.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            int found = code.subList(at, code.size()).indexOf(line);
            assertTrue(found >= 0, path + " lacks, after line " + at + ", the README's line: "
                    + line);
            at += found + 1;
        }
    }
}
