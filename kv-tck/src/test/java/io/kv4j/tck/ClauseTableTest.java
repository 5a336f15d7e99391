package io.kv4j.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps the kit, its clause table {@code docs/TCK.md} and {@code docs/SPEC.md} in step. */
class ClauseTableTest {

    private static final Path DOCS = Path.of(System.getProperty("kv.tck.project.dir", "."))
            .resolve("../docs").normalize();

    private static List<Spec.Entry> spec() throws IOException {
        return Spec.parse(Files.readString(DOCS.resolve("SPEC.md"), StandardCharsets.UTF_8));
    }

    @Test
    void docsTckMdIsGeneratedFromTheCurrentKit() throws IOException {
        String generated = ClauseTable.markdown(spec());
        Path table = DOCS.resolve("TCK.md");
        String current = Files.exists(table) ? Files.readString(table, StandardCharsets.UTF_8) : "";
        // the sections after the table are written by hand, and kept when it is regenerated
        int end = current.indexOf(ClauseTable.END);
        String head = end < 0 ? current : current.substring(0, end + ClauseTable.END.length());
        if (Boolean.getBoolean("kv.tck.write-table")) {
            String tail = end < 0 ? "" : current.substring(head.length());
            Files.writeString(table, generated + tail, StandardCharsets.UTF_8);
            head = generated;
        }
        assertEquals(generated, head, "docs/TCK.md is out of step with the kit; regenerate it "
                + "with: ./mvnw -q -pl kv-tck -am test -Dtest=ClauseTableTest "
                + "-Dsurefire.failIfNoSpecifiedTests=false -Dkv.tck.write-table=true");
    }

    @Test
    void everyMustClauseOfTheSpecHasATest() throws IOException {
        Map<String, List<String>> tests = ClauseTable.testsByClause();
        List<String> untested = spec().stream().filter(e -> !tests.containsKey(e.id()))
                .map(e -> e.id() + " (" + e.level() + ")").toList();
        assertEquals(List.of(), untested, "clauses of docs/SPEC.md without a test in the kit");
    }

    @Test
    void everyTestCitesAClauseOfTheSpecAndIsNamedAfterIt() throws IOException {
        Set<String> ids = spec().stream().map(Spec.Entry::id).collect(Collectors.toSet());
        List<String> wrong = new ArrayList<>();
        for (Class<?> c : Chapters.ALL) {
            int chapter = c.getAnnotation(Chapter.class).value();
            for (Method m : c.getDeclaredMethods()) {
                Clause clause = m.getAnnotation(Clause.class);
                if (clause == null) {
                    continue;
                }
                ClauseId id = ClauseId.parse(clause.value());
                if (!ids.contains(clause.value())) {
                    wrong.add(m.getName() + " cites " + clause.value() + ", not in the SPEC");
                }
                if (!m.getName().startsWith(id.methodPrefix())) {
                    wrong.add(m.getName() + " must start with " + id.methodPrefix());
                }
                if (id.chapter() != chapter) {
                    wrong.add(m.getName() + " of chapter " + chapter + " cites " + clause.value());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyKitClassIsListedFinalAndNotPublic() throws IOException {
        Path dir = Path.of(System.getProperty("kv.tck.project.dir", "."))
                .resolve("target/classes/io/kv4j/tck");
        Set<String> withClauses = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".class") && !name.contains("$")) {
                    Class<?> c = Class.forName("io.kv4j.tck." + name.replace(".class", ""));
                    for (Method m : c.getDeclaredMethods()) {
                        if (m.isAnnotationPresent(Clause.class)) {
                            withClauses.add(c.getName());
                        }
                    }
                }
            }
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
        Set<String> listed = Chapters.ALL.stream().map(Class::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(withClauses, listed, "classes with kit tests must all be in Chapters.ALL");
        for (Class<?> c : Chapters.ALL) {
            assertTrue(Modifier.isFinal(c.getModifiers()) && !Modifier.isPublic(c.getModifiers()),
                    c + " must be final and package-private, so no vendor can override a test");
        }
    }

    @Test
    void theKitShipsTheCurrentSpec() throws IOException {
        assertEquals(spec(), Spec.load(), "the SPEC.md in the kit's jar differs from docs/SPEC.md");
    }
}
