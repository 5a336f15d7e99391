package io.kv4j.tck;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table of {@code docs/TCK.md}: every SPEC clause with the kit's tests of it, generated from
 * the test classes so that it cannot drift from them.
 */
final class ClauseTable {

    /** The line that ends the generated part of {@code docs/TCK.md}; sections after it are kept. */
    static final String END = "<!-- end of the generated table: the sections below are written by "
            + "hand -->\n";

    private ClauseTable() {
    }

    /** Every kit test by clause id, in clause order and then by name. */
    static Map<String, List<String>> testsByClause() {
        List<Method> tests = new ArrayList<>();
        for (Class<?> c : Chapters.ALL) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.isAnnotationPresent(Clause.class)) {
                    tests.add(m);
                }
            }
        }
        tests.sort(Comparator.comparing((Method m) -> ClauseId.parse(m.getAnnotation(Clause.class)
                .value())).thenComparing(Method::getName));
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Method m : tests) {
            out.computeIfAbsent(m.getAnnotation(Clause.class).value(), k -> new ArrayList<>())
                    .add(m.getDeclaringClass().getSimpleName() + "." + m.getName());
        }
        return out;
    }

    /** The Markdown of {@code docs/TCK.md}. */
    static String markdown(List<Spec.Entry> spec) {
        Map<String, List<String>> tests = testsByClause();
        int count = tests.values().stream().mapToInt(List::size).sum();
        StringBuilder b = new StringBuilder();
        b.append("# Compatibility kit: clauses and tests\n\n");
        b.append("The table is generated from the kit's code by `ClauseTable`; do not edit it. Each "
                + "clause of\n");
        b.append("[SPEC.md](SPEC.md) with the tests of `kv-tck` (package `io.kv4j.tck`) that check\n");
        b.append("it. ").append(spec.size()).append(" clauses, ").append(count)
                .append(" tests. Regenerate with\n");
        b.append("`./mvnw -q -pl kv-tck -am test -Dtest=ClauseTableTest ")
                .append("-Dsurefire.failIfNoSpecifiedTests=false -Dkv.tck.write-table=true`.\n\n");
        b.append("| Clause | Level | Summary | Tests |\n|---|---|---|---|\n");
        for (Spec.Entry e : spec) {
            List<String> names = tests.getOrDefault(e.id(), List.of());
            b.append("| [").append(e.id()).append("](SPEC.md#").append(e.id().toLowerCase(java.util.Locale.ROOT))
                    .append(") | ").append(e.level()).append(" | ")
                    .append(e.summary().replace("|", "\\|")).append(" | ")
                    .append(names.isEmpty() ? "none" : "`" + String.join("`<br>`", names) + "`")
                    .append(" |\n");
        }
        return b.append('\n').append(END).toString();
    }
}
