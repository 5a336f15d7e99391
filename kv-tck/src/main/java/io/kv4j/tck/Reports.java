package io.kv4j.tck;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a run's result as {@code kv-tck.json}, {@code kv-tck.md} and JUnit XML
 * ({@code TEST-kv-tck.xml}). Every text in them has already had its secrets removed.
 */
final class Reports {

    /**
     * What a run found.
     *
     * @param url the URL tested, secrets masked
     * @param seed the workload seed
     * @param notes what the runner decided on its own, such as the private-memory rule
     * @param diagnoses the likely causes of failures that the kit's probes found, each with its
     *     fix ({@link Diagnoses})
     * @param verdicts the verdicts
     * @param exitCode the exit code
     * @param millis how long the run took
     */
    record Report(String url, long seed, List<String> notes, List<String> diagnoses,
            Verdicts verdicts, int exitCode, long millis) {
    }

    static final String JSON = "kv-tck.json";
    static final String MARKDOWN = "kv-tck.md";
    static final String XML = "TEST-kv-tck.xml";

    private Reports() {
    }

    /** The result a run's exit code stands for, as the verdict line says it. */
    static String result(int exitCode) {
        return switch (exitCode) {
            case Tck.PASSED -> "PASSED";
            case Tck.UNTESTED -> "PASSED WITH UNTESTED MUST CLAUSES";
            case Tck.FAILED -> "FAILED";
            default -> "MISCONFIGURED";
        };
    }

    /**
     * What the verdict line adds after the exit code: the clauses that failed, what went untested,
     * or why the run stopped.
     */
    static String detail(Report r) {
        Verdicts v = r.verdicts();
        if (v.stopped() != null) {
            return ": the run stopped early: " + v.stopped();
        }
        if (r.exitCode() == Tck.FAILED) {
            return ": failed " + String.join(", ", v.verdicts().stream()
                    .filter(c -> c.status() == Verdicts.Status.FAIL).map(Verdicts.Verdict::clause)
                    .toList());
        }
        String allowed = v.allowedUntested().isEmpty() ? "" : "; untested as " + Tck.ALLOW_UNTESTED
                + " allows: " + String.join(", ", v.allowedUntested());
        if (r.exitCode() == Tck.UNTESTED) {
            return ": untested " + String.join(", ", v.refusedUntested()) + " (each clause's "
                    + "verdict says what would test it; " + Tck.ALLOW_UNTESTED + " names those a "
                    + "run may leave untested)" + allowed;
        }
        return allowed.isEmpty() ? "" : ":" + allowed.substring(1);
    }

    /** The verdict line: the result, the URL, the time, the exit code and {@link #detail}. */
    static String verdictLine(Report r) {
        return "kv-tck: " + result(r.exitCode()) + " on " + r.url() + " in " + r.millis()
                + " ms (exit code " + r.exitCode() + ")" + detail(r);
    }

    /**
     * Prints the summary that ends every run, however it was run: the verdict per clause, the
     * counts, the likely causes of failures, and the verdict line.
     */
    static void print(PrintStream out, Report r) {
        Verdicts v = r.verdicts();
        out.println();
        out.println("Verdict per clause:");
        int[] counts = new int[Verdicts.Status.values().length];
        int partly = 0;
        for (Verdicts.Verdict c : v.verdicts()) {
            counts[c.status().ordinal()]++;
            partly += c.partlyUntested() ? 1 : 0;
            int n = c.tests().size();
            String tests = "(" + n + (n == 1 ? " test)" : " tests)");
            out.printf("  %-8s %-8s %-9s %s%n", c.status(), c.clause(), c.level(),
                    c.reason() == null ? tests : c.status() == Verdicts.Status.PASS
                            ? tests + " " + c.reason() : c.reason());
        }
        for (String p : v.problems()) {
            out.println("misconfigured: " + p);
        }
        out.printf("Clauses: %d passed (%d with untested parts), %d failed, %d untested, "
                + "%d skipped as not applying, %d warnings, %d missing%n",
                counts[Verdicts.Status.PASS.ordinal()], partly,
                counts[Verdicts.Status.FAIL.ordinal()], counts[Verdicts.Status.UNTESTED.ordinal()],
                counts[Verdicts.Status.SKIPPED.ordinal()], counts[Verdicts.Status.WARN.ordinal()],
                counts[Verdicts.Status.MISSING.ordinal()]);
        out.printf("Tests: %d passed, %d failed, %d skipped%n", v.passed(), v.failed(),
                v.skipped());
        for (String d : r.diagnoses()) {
            out.println("diagnosis: " + d);
        }
        out.println(verdictLine(r));
    }

    /**
     * Why the reports cannot go to a directory, made if missing, or null when they can.
     *
     * @param dir the directory
     * @return the reason, or null
     */
    static String unwritable(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            return "it is a file, not a directory";
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            return "cannot make the directory (" + e + ")";
        }
        return Files.isWritable(dir) ? null : "the directory is not writable";
    }

    static void write(Path dir, Report r) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(JSON), json(r), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(MARKDOWN), markdown(r), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(XML), xml(r), StandardCharsets.UTF_8);
    }

    static String json(Report r) {
        Verdicts v = r.verdicts();
        StringBuilder b = new StringBuilder("{\n");
        b.append("  \"url\": ").append(q(r.url())).append(",\n");
        b.append("  \"seed\": ").append(r.seed()).append(",\n");
        b.append("  \"exitCode\": ").append(r.exitCode()).append(",\n");
        b.append("  \"result\": ").append(q(result(r.exitCode()))).append(",\n");
        b.append("  \"untestedMustClauses\": ").append(strings(v.untestedMustClauses()))
                .append(",\n");
        b.append("  \"allowedUntested\": ").append(strings(v.allowedUntested())).append(",\n");
        b.append("  \"diagnoses\": ").append(strings(r.diagnoses())).append(",\n");
        b.append("  \"stopped\": ").append(q(v.stopped())).append(",\n");
        b.append("  \"millis\": ").append(r.millis()).append(",\n");
        b.append("  \"passed\": ").append(v.passed()).append(",\n");
        b.append("  \"failed\": ").append(v.failed()).append(",\n");
        b.append("  \"skipped\": ").append(v.skipped()).append(",\n");
        b.append("  \"notes\": ").append(strings(r.notes())).append(",\n");
        b.append("  \"problems\": ").append(strings(v.problems())).append(",\n");
        b.append("  \"clauses\": [");
        String sep = "\n";
        for (Verdicts.Verdict c : v.verdicts()) {
            b.append(sep).append("    {\"id\": ").append(q(c.clause()))
                    .append(", \"level\": ").append(q(c.level()))
                    .append(", \"status\": ").append(q(c.status().name()))
                    .append(", \"untested\": ").append(c.untested())
                    .append(", \"reason\": ").append(q(c.reason()))
                    .append(", \"summary\": ").append(q(c.summary()))
                    .append(", \"tests\": [");
            String tsep = "";
            for (Outcome o : c.tests()) {
                b.append(tsep).append("{\"name\": ").append(q(o.test()))
                        .append(", \"class\": ").append(q(o.testClass()))
                        .append(", \"status\": ").append(q(o.status().name()))
                        .append(", \"millis\": ").append(o.millis())
                        .append(", \"message\": ").append(q(o.message())).append('}');
                tsep = ", ";
            }
            b.append("]}");
            sep = ",\n";
        }
        return b.append("\n  ]\n}\n").toString();
    }

    static String markdown(Report r) {
        Verdicts v = r.verdicts();
        StringBuilder b = new StringBuilder("# kv-tck report\n\n");
        b.append("- URL: `").append(r.url()).append("`\n");
        b.append("- Seed: ").append(r.seed()).append('\n');
        b.append("- Result: ").append(result(r.exitCode())).append(", ").append(switch (r.exitCode()) {
            case Tck.PASSED -> v.allowedUntested().isEmpty()
                    ? "every MUST clause that applies passed, and none went untested"
                    : "every MUST clause that ran passed; untested as " + Tck.ALLOW_UNTESTED
                    + " allows: " + String.join(", ", v.allowedUntested());
            case Tck.UNTESTED -> "every MUST clause that ran passed, but these went untested: "
                    + String.join(", ", v.refusedUntested());
            case Tck.FAILED -> v.stopped() != null ? "the run stopped early: " + cell(v.stopped())
                    : "a MUST clause failed";
            default -> "the run proves nothing";
        }).append(" (exit code ").append(r.exitCode()).append(")\n");
        b.append("- Tests: ").append(v.passed()).append(" passed, ").append(v.failed())
                .append(" failed, ").append(v.skipped()).append(" skipped, in ")
                .append(r.millis()).append(" ms\n");
        for (String n : r.notes()) {
            b.append("- Note: ").append(cell(n)).append('\n');
        }
        for (String d : r.diagnoses()) {
            b.append("- Diagnosis: ").append(cell(d)).append('\n');
        }
        for (String p : v.problems()) {
            b.append("- Problem: ").append(cell(p)).append('\n');
        }
        b.append("\n| Clause | Level | Verdict | Tests | Reason |\n|---|---|---|---|---|\n");
        for (Verdicts.Verdict c : v.verdicts()) {
            b.append("| ").append(c.clause()).append(" | ").append(c.level()).append(" | ")
                    .append(c.status()).append(" | ").append(c.tests().size()).append(" | ")
                    .append(c.reason() == null ? "" : cell(c.reason())).append(" |\n");
        }
        return b.toString();
    }

    static String xml(Report r) {
        Map<String, List<Outcome>> byClass = new LinkedHashMap<>();
        for (Verdicts.Verdict c : r.verdicts().verdicts()) {
            for (Outcome o : c.tests()) {
                byClass.computeIfAbsent(o.testClass(), k -> new ArrayList<>()).add(o);
            }
        }
        Verdicts v = r.verdicts();
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<testsuites name=\"kv-tck\" tests=\"")
                .append(v.passed() + v.failed() + v.skipped()).append("\" failures=\"")
                .append(v.failed()).append("\" errors=\"0\" skipped=\"").append(v.skipped())
                .append("\" time=\"").append(seconds(r.millis())).append("\">\n");
        byClass.forEach((name, tests) -> {
            long failures = tests.stream().filter(o -> o.status() == Outcome.Status.FAILED).count();
            long skips = tests.stream().filter(o -> o.status() == Outcome.Status.SKIPPED).count();
            long millis = tests.stream().mapToLong(Outcome::millis).sum();
            b.append("  <testsuite name=\"").append(x(name)).append("\" tests=\"")
                    .append(tests.size()).append("\" failures=\"").append(failures)
                    .append("\" errors=\"0\" skipped=\"").append(skips).append("\" time=\"")
                    .append(seconds(millis)).append("\">\n");
            b.append("    <properties>\n      <property name=\"").append(Tck.URL)
                    .append("\" value=\"").append(x(r.url())).append("\"/>\n      <property name=\"")
                    .append(Tck.SEED).append("\" value=\"").append(r.seed())
                    .append("\"/>\n    </properties>\n");
            for (Outcome o : tests) {
                b.append("    <testcase name=\"").append(x(o.test())).append("\" classname=\"")
                        .append(x(o.testClass())).append("\" time=\"")
                        .append(seconds(o.millis())).append('"');
                switch (o.status()) {
                    case PASSED -> b.append("/>\n");
                    case SKIPPED -> b.append(">\n      <skipped message=\"")
                            .append(x(o.clause() + ": " + o.message())).append("\"/>\n    </testcase>\n");
                    case FAILED -> b.append(">\n      <failure message=\"")
                            .append(x(o.clause() + ": " + o.message())).append("\">")
                            .append(x(o.trace() == null ? "" : o.trace()))
                            .append("</failure>\n    </testcase>\n");
                }
            }
            b.append("  </testsuite>\n");
        });
        return b.append("</testsuites>\n").toString();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    private static String cell(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }

    private static String strings(List<String> list) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < list.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(q(list.get(i)));
        }
        return b.append(']').toString();
    }

    /** A JSON string literal, or null. */
    static String q(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c) && !validPair(s, i)) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** XML text: escaped, with characters that XML 1.0 cannot hold written as {@code \\uXXXX}. */
    static String x(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    boolean allowed = c == '\t' || c == '\n' || c == '\r'
                            || c >= 0x20 && c < 0xFFFE && (!Character.isSurrogate(c) || validPair(s, i));
                    b.append(allowed ? String.valueOf(c) : String.format("\\u%04X", (int) c));
                }
            }
        }
        return b.toString();
    }

    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < s.length()
                && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
