package io.kv4j.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.spi.KvProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Keeps the examples of the kit's README, and the kit's lines of the project's README, true: the
 * vendor's {@code pom.xml} pins the plugins this build uses and the project's version, the
 * backend it shows compiles and passes the kit run as that pom runs it, and the console excerpts
 * are lines that a run of {@code kv tck} prints, figures included.
 */
class ReadmeTest {

    private static final Path PROJECT = Path.of(System.getProperty("kv.tck.project.dir", "."))
            .toAbsolutePath().getParent();

    private static String read(String file) throws IOException {
        return Files.readString(PROJECT.resolve(file), StandardCharsets.UTF_8);
    }

    /** The fenced blocks of a Markdown text in a given language ("" for none). */
    private static List<String> blocks(String markdown, String language) {
        List<String> out = new ArrayList<>();
        StringBuilder block = null;
        String fence = null;
        for (String line : markdown.split("\n", -1)) {
            if (fence == null && line.startsWith("```")) {
                fence = line.substring(3);
                block = new StringBuilder();
            } else if (fence != null && line.equals("```")) {
                if (fence.equals(language)) {
                    out.add(block.toString());
                }
                fence = null;
            } else if (fence != null) {
                block.append(line).append('\n');
            }
        }
        return out;
    }

    private static String block(String markdown, String language, String containing) {
        return blocks(markdown, language).stream().filter(b -> b.contains(containing)).findFirst()
                .orElseThrow(() -> new AssertionError("no ```" + language + " block with "
                        + containing));
    }

    private static Element pom() throws Exception {
        String xml = block(read("kv-tck/README.md"), "xml", "<project");
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return d.getDocumentElement();
    }

    /** The text of the element of a given name whose sibling artifactId is {@code artifact}. */
    private static String besideArtifact(Element root, String artifact, String name) {
        var ids = root.getElementsByTagName("artifactId");
        for (int i = 0; i < ids.getLength(); i++) {
            if (ids.item(i).getTextContent().equals(artifact)) {
                var siblings = ((Element) ids.item(i).getParentNode()).getElementsByTagName(name);
                return siblings.getLength() == 0 ? null : siblings.item(0).getTextContent();
            }
        }
        throw new AssertionError("the README's pom has no " + artifact);
    }

    /** A version pinned in the project's parent pom. */
    private static String parentVersion(String artifact) throws IOException {
        Matcher m = Pattern.compile("<artifactId>" + Pattern.quote(artifact)
                + "</artifactId>\\s*<version>([^<]+)</version>").matcher(read("pom.xml"));
        assertTrue(m.find(), artifact + " in pom.xml");
        return m.group(1);
    }

    @Test
    void theVendorPomPinsThePluginsAndTheVersionOfThisBuild() throws Exception {
        Element pom = pom();
        for (String plugin : List.of("maven-compiler-plugin", "maven-surefire-plugin")) {
            assertEquals(parentVersion(plugin), besideArtifact(pom, plugin, "version"),
                    plugin + ": Maven 3.8's default version compiles no Java 17 or runs no JUnit 5 "
                    + "test, so the README pins the version this build uses");
        }
        String version = parentVersion("kv4j-parent");
        assertEquals(version, besideArtifact(pom, "kv-spi", "version"));
        assertEquals(version, besideArtifact(pom, "kv-tck", "version"));
        assertEquals("io.kv4j:kv-tck", pom.getElementsByTagName("dependenciesToScan").item(0)
                .getTextContent().trim());
    }

    @Test
    void theReadmesBackendPassesTheKitAsTheReadmesPomRunsIt(@TempDir Path classes)
            throws Exception {
        String source = block(read("kv-tck/README.md"), "java", "class MapProvider");
        Path file = classes.resolve("com/example/MapProvider.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source, StandardCharsets.UTF_8);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String spi = Path.of(KvProvider.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI()).toString();
        assertEquals(0, javac.run(null, null, null, "-Xlint:all", "-Werror", "--release", "17",
                "-cp", spi, "-d", classes.toString(), file.toString()), "the README's backend compiles");
        Path services = classes.resolve("META-INF/services/" + KvProvider.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, "com.example.MapProvider\n");

        Map<String, String> parameters = new HashMap<>(KitRuns.QUICK);
        parameters.remove(Tck.FIXTURE);
        parameters.put(Tck.URL, ((Element) pom().getElementsByTagName("systemPropertyVariables")
                .item(0)).getElementsByTagName(Tck.URL).item(0).getTextContent());
        // the child JVMs of KV-11.9 would not see classes compiled here: that part goes untested
        parameters.put(Tck.ALLOW_UNTESTED, "KV-11.9");
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                before)) {
            thread.setContextClassLoader(loader);
            BuildRuns.Run run = BuildRuns.run(parameters);
            assertFalse(run.engineFailed(), run.failure() + "\n" + run.output());
            assertTrue(run.output().contains("kv-tck: PASSED on kv:map:kit in "), run.output());
            assertTrue(run.output().contains("(exit code 0): untested as kv.tck.allow-untested "
                    + "allows: KV-11.9 (part)\n"), "nothing else went untested\n" + run.output());
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @Test
    void theConsoleExcerptsAreLinesThatKvTckPrints(@TempDir Path dir) throws Exception {
        Path reports = dir.resolve("target/kv-tck");
        KitRuns.Run run = KitRuns.run("kv:memory:kit", reports, Map.of());
        assertEquals(Tck.PASSED, run.result().exitCode(), run.output());
        List<String> printed = normalised(run.output().replace(dir.toString() + "/", ""));
        String kit = read("kv-tck/README.md");
        assertPrinted(printed, block(kit, "", "kv-tck: testing kv:memory:kit"), "kv-tck/README.md");
        assertPrinted(printed, block(read("README.md"), "", "Verdict per clause:"), "README.md");
    }

    /**
     * Each line of an excerpt, but for {@code ...}, is a line the run printed, in the order
     * printed, once times, seeds and run ids are left out.
     */
    private static void assertPrinted(List<String> printed, String excerpt, String readme) {
        int at = 0;
        for (String line : normalised(excerpt)) {
            if (line.isBlank() || line.trim().equals("...")) {
                continue;
            }
            int found = printed.subList(at, printed.size()).indexOf(line);
            assertTrue(found >= 0, readme + " shows a line that the run did not print (in that "
                    + "order):\n" + line + "\nthe run printed:\n" + String.join("\n", printed));
            at += found + 1;
        }
    }

    private static List<String> normalised(String text) {
        return text.lines()
                .map(l -> l.replaceAll("\\(\\d+ ms\\)", "(N ms)")
                        .replaceAll(" in \\d+ ms", " in N ms")
                        .replaceAll("seed=-?\\d+", "seed=N")
                        .replaceAll("tck-[0-9a-f]+-", "tck-ID-")
                        .replaceAll(": [\\d,]+ entries in [\\d,]+ functions", ": N entries in N functions"))
                .toList();
    }
}
