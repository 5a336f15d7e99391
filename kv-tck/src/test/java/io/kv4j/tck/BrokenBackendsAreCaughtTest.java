package io.kv4j.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.net.URLClassLoader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the whole kit against each deliberately broken backend of {@code BrokenBackends} and
 * checks that exactly the expected clauses fail: the clauses of the broken behaviour and those
 * that depend on it.
 */
class BrokenBackendsAreCaughtTest {

    /** How many times each broken backend is run, each run with the next seed. */
    private static final int REPEAT = KitRuns.REPEAT;

    static Stream<Arguments> brokenBackends() {
        return Stream.of(
                Arguments.of("overwrite", "KV-1.1 KV-1.7 KV-2.9 KV-5.6 KV-5.9 KV-5.11 KV-6.1 "
                        + "KV-6.3 KV-7.1 KV-7.2 KV-7.4 KV-7.5 KV-7.6 KV-7.8 KV-7.10 KV-7.11 "
                        + "KV-7.12 KV-7.13 KV-8.2 KV-8.3 KV-12.1 KV-12.4 KV-12.6"),
                Arguments.of("delete", "KV-1.2 KV-1.3 KV-1.4 KV-3.4 KV-4.2 KV-4.4 KV-7.6 KV-7.9 "
                        + "KV-7.10 KV-8.2 KV-10.5 KV-10.10"),
                Arguments.of("namespace", "KV-1.3 KV-1.4 KV-1.5 KV-1.7 KV-2.2 KV-2.4 KV-2.5 "
                        + "KV-2.6 KV-2.7 KV-3.1 KV-3.2 KV-3.3 KV-3.4 KV-3.6 KV-4.1 KV-4.2 KV-4.4 "
                        + "KV-4.5 KV-5.2 KV-5.3 KV-5.4 KV-5.5 KV-5.7 KV-5.9 KV-5.10 KV-5.11 "
                        + "KV-6.1 KV-6.2 KV-6.3 KV-6.5 KV-6.6 KV-7.9 KV-7.10 KV-8.1 KV-8.2 "
                        + "KV-10.1 KV-10.3 KV-10.4 KV-10.5 KV-10.6 KV-10.7 KV-10.8 KV-10.9 "
                        + "KV-10.10 KV-11.6 KV-12.1 KV-12.2 KV-12.5"),
                Arguments.of("partial", "KV-1.3 KV-1.4 KV-1.6 KV-1.7 KV-2.1 KV-2.2 KV-2.3 KV-2.4 "
                        + "KV-2.5 KV-2.6 KV-2.7 KV-2.8 KV-2.9 KV-2.10 KV-2.11 KV-3.1 KV-3.2 "
                        + "KV-3.4 KV-4.4 KV-4.5 KV-5.2 KV-6.1 KV-6.2 KV-6.5 KV-7.1 KV-7.2 KV-7.5 "
                        + "KV-7.7 KV-7.9 KV-7.10 KV-7.13 KV-8.2 KV-8.3 KV-10.1 KV-10.3 KV-10.4 "
                        + "KV-10.5 KV-10.6 KV-10.7 KV-10.8 KV-10.9 KV-10.10 KV-12.1 KV-12.2 "
                        + "KV-12.3 KV-12.4 KV-12.5"),
                Arguments.of("point", "KV-4.5 KV-5.6 KV-5.9 KV-5.11 KV-6.3 KV-7.1 KV-7.5 KV-7.6 "
                        + "KV-7.7 KV-7.8 KV-7.10 KV-7.13 KV-12.4"),
                Arguments.of("range", "KV-7.1 KV-7.9 KV-7.10 KV-10.10"),
                Arguments.of("string-order", "KV-3.2 KV-10.3 KV-10.9"),
                Arguments.of("function-order", "KV-4.4"),
                Arguments.of("short-page", "KV-7.10 KV-10.1 KV-10.3 KV-10.4 KV-10.5 KV-10.6 "
                        + "KV-10.7 KV-10.8 KV-10.9"),
                Arguments.of("ascii", "KV-2.3 KV-2.10 KV-3.2"),
                Arguments.of("truncate", "KV-3.1"),
                Arguments.of("stale", "KV-1.4 KV-2.9 KV-4.5 KV-5.6 KV-5.9 KV-6.1 KV-7.1 KV-7.4 "
                        + "KV-7.6 KV-7.10 KV-7.11 KV-7.12 KV-7.13 KV-8.2 KV-8.3 KV-12.1 KV-12.2 "
                        + "KV-12.4 KV-12.6"),
                Arguments.of("page-count", "KV-10.4"),
                Arguments.of("page-bytes", "KV-10.4"),
                Arguments.of("prefix-bound", "KV-10.1 KV-10.3"),
                Arguments.of("prefix-case", "KV-10.1 KV-10.3"),
                Arguments.of("prefix-order", "KV-10.3"),
                Arguments.of("cursor-ignored", "KV-10.3 KV-10.4 KV-10.5 KV-10.6 KV-10.7 KV-10.8 "
                        + "KV-10.10"),
                Arguments.of("name-spaces", "KV-4.2 KV-4.4 KV-4.5"),
                Arguments.of("name-join", "KV-4.2 KV-4.5 KV-12.6"),
                Arguments.of("delete-prefix", "KV-4.5"),
                Arguments.of("numbers", "KV-2.1 KV-2.6 KV-2.9"),
                Arguments.of("double", "KV-2.1 KV-2.6 KV-2.8 KV-2.9"),
                Arguments.of("value-cap", "KV-2.12"),
                Arguments.of("nfc", "KV-2.10"),
                Arguments.of("missing", "KV-7.6 KV-7.10"),
                Arguments.of("newer", "KV-4.5 KV-7.6 KV-7.10"),
                Arguments.of("versions", "KV-4.5 KV-7.6 KV-12.1"),
                Arguments.of("empty-prefix", "KV-7.9"),
                Arguments.of("delete-first", "KV-7.10"),
                Arguments.of("logs", "KV-11.8"),
                Arguments.of("function-page-repeat", "KV-4.4"),
                Arguments.of("function-page-skip", "KV-4.4"),
                Arguments.of("function-fold", "KV-4.4"),
                Arguments.of("function-catalog", "KV-4.4"),
                Arguments.of("delete-one-batch", "KV-4.5"),
                Arguments.of("delete-in-batches", "KV-4.5"),
                Arguments.of("delete-fold", "KV-4.5"),
                Arguments.of("delete-all-versions", "KV-4.5 KV-12.1"),
                Arguments.of("commit-per-function", "KV-7.10"),
                Arguments.of("commit-in-batches", "KV-7.10"),
                Arguments.of("apply-per-function", "KV-7.10"),
                Arguments.of("check-writes", "KV-9.6"),
                Arguments.of("private-claimed", "KV-9.7"),
                Arguments.of("logs-api-key", "KV-11.8"),
                Arguments.of("option-copy", "KV-11.11"),
                Arguments.of("get-many-order", "KV-1.6 KV-12.1"),
                Arguments.of("range-delete-dropped", "KV-1.7 KV-12.2"),
                Arguments.of("range-end-inclusive",
                        "KV-1.7 KV-10.1 KV-10.5 KV-10.8 KV-10.9 KV-10.10"),
                Arguments.of("reverse-ignored", "KV-10.9 KV-10.10"),
                Arguments.of("versions-down", "KV-12.1 KV-12.6"),
                Arguments.of("sum-wraps", "KV-12.2"),
                Arguments.of("sum-overwrites", "KV-12.2 KV-12.3 KV-12.5"),
                Arguments.of("non-integer-as-missing", "KV-12.5"),
                Arguments.of("checks-dropped", "KV-12.6"),
                Arguments.of("sum-range-reset", "KV-12.2"),
                Arguments.of("check-as-conflict", "KV-12.6"),
                Arguments.of("cursor-prefix", "KV-10.5"),
                Arguments.of("scheme", "KV-11.2"));
    }

    @ParameterizedTest(name = "kv:broken-{0}:")
    @MethodSource("brokenBackends")
    void theKitFailsExactlyTheClausesTheBrokenBehaviourBreaks(String name, String clauses) {
        for (int i = 0; i < REPEAT; i++) {
            Map<String, String> parameters = new HashMap<>(KitRuns.QUICK);
            long seed = Long.parseLong(KitRuns.QUICK.get(Tck.SEED)) + i;
            parameters.put(Tck.SEED, String.valueOf(seed));
            KitRuns.Run run = KitRuns.run("kv:broken-" + name + ":tck", null, parameters);
            assertFailsExactly(run, clauses, "run " + (i + 1) + " of " + REPEAT);
            assertDiagnosedFirst(run, DIAGNOSED.get(name));
        }
    }

    /**
     * Stores with storage of their own, undeclared, fail these clauses on every run, and KV-5.12
     * on some: whether close() cuts the request of its test before the request commits to the
     * closing store's own storage depends on timing. The diagnosis is said on every run.
     */
    @Test
    void storesWithStorageOfTheirOwnAreDiagnosedFirst() {
        Set<String> always = new TreeSet<>(List.of("KV-2.7", "KV-5.9", "KV-7.1", "KV-7.2", "KV-7.3",
                "KV-7.4", "KV-7.5", "KV-7.6", "KV-7.8", "KV-7.9", "KV-7.10", "KV-7.11", "KV-7.12",
                "KV-7.13", "KV-8.2", "KV-9.7", "KV-11.1", "KV-11.6", "KV-11.9"));
        for (int i = 0; i < REPEAT; i++) {
            Map<String, String> parameters = new HashMap<>(KitRuns.QUICK);
            parameters.put(Tck.SEED, String.valueOf(Long.parseLong(KitRuns.QUICK.get(Tck.SEED)) + i));
            KitRuns.Run run = KitRuns.run("kv:broken-own-storage:tck", null, parameters);
            Set<String> failed = run.clauses(Verdicts.Status.FAIL);
            Set<String> beyond = new TreeSet<>(failed);
            beyond.removeAll(always);
            beyond.remove("KV-5.12");
            assertTrue(failed.containsAll(always) && beyond.isEmpty(), "failed " + failed + "\n"
                    + run.output());
            assertEquals(Tck.FAILED, run.result().exitCode(), "the exit code");
            assertDiagnosedFirst(run, DIAGNOSED.get("own-storage"));
        }
    }

    /** The broken behaviours that the kit's probes name before the tests, by how they say it. */
    private static final Map<String, String> DIAGNOSED = Map.of(
            "own-storage", "each store opened on kv:broken-own-storage:tck has storage of its own "
                    + "(a commit through one store is not seen through a second one), yet the "
                    + "backend does not declare PRIVATE_TO_STORE: let every store opened on one URL "
                    + "share the storage, or declare Capability.PRIVATE_TO_STORE in capabilities()",
            "string-order", "keys are listed in String.compareTo order (UTF-16 code units), not in "
                    + "UTF-8 byte order (KV-10.3): U+1F600 came before U+E000; compare keys, names "
                    + "and cursors with io.kv4j.spi.KeyOrder.COMPARATOR",
            "prefix-order", "keys under a prefix are listed in String.compareTo order",
            "function-order", "function names are listed in String.compareTo order (UTF-16 code "
                    + "units), not in UTF-8 byte order (KV-4.4)");

    /**
     * The run names the diagnosis, if any, in one line before the first test, and again above
     * the verdict line; and no other.
     */
    private static void assertDiagnosedFirst(KitRuns.Run run, String diagnosis) {
        String output = run.output();
        String head = output.substring(0, Math.max(0, output.indexOf("\nKV-1 (")));
        List<String> said = head.lines().filter(l -> l.startsWith("diagnosis: ")).toList();
        if (diagnosis == null) {
            assertEquals(List.of(), said, "no diagnosis\n" + output);
            return;
        }
        assertEquals(1, said.size(), "one diagnosis before the tests\n" + output);
        assertTrue(said.get(0).startsWith("diagnosis: " + diagnosis), said.get(0));
        String tail = output.substring(output.indexOf("\nVerdict per clause:"));
        assertTrue(tail.contains("\n" + said.get(0) + "\nkv-tck: FAILED on "),
                "the diagnosis again above the verdict line\n" + tail);
    }

    /**
     * What the kit sees while it deletes the run's data fails the clause it breaks, as a test
     * would: a function still listed after deleteAll (KV-4.4), entries left by it (KV-4.5).
     */
    @Test
    void whatTheCleanUpSeesFailsTheClauseItBreaks() {
        for (String[] c : new String[][] {{"function-catalog", "KV-4.4",
                "functions() still lists "}, {"delete-one-batch", "KV-4.5",
                "functions still hold entries after their deleteAll returned"}}) {
            KitRuns.Run run = KitRuns.run("kv:broken-" + c[0] + ":tck", null, KitRuns.QUICK);
            Verdicts.Verdict v = run.result().verdicts().verdicts().stream()
                    .filter(x -> x.clause().equals(c[1])).findFirst().orElseThrow();
            assertTrue(v.status() == Verdicts.Status.FAIL && v.tests().stream().anyMatch(o ->
                    o.test().equals("cleanUp_deleteAllOfEveryFunctionOfTheRun")
                            && o.status() == Outcome.Status.FAILED
                            && o.message().contains(c[2])), c[0] + ": " + v + "\n" + run.output());
        }
    }

    @Test
    void aProviderThatAcceptsEveryUrlIsCaught() throws Exception {
        // two providers accept kv:memory:, so the tests that open it fail too (KV-9.1, KV-11.10)
        String clauses = "KV-9.1 KV-11.2 KV-11.3 KV-11.4 KV-11.5 KV-11.10";
        URL services = getClass().getResource("/accept-all/");
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {services}, before)) {
            thread.setContextClassLoader(loader);
            for (int i = 0; i < REPEAT; i++) {
                assertFailsExactly(KitRuns.run("kv:broken-accept-all:tck", null, KitRuns.QUICK),
                        clauses, "run " + (i + 1) + " of " + REPEAT);
            }
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /**
     * A memory backend that declares no capability for {@code kv:memory:}, in place of the real
     * one: the class loader shows the kit only its provider, as if it were the one on the class
     * path. The kit runs on a shared name, which declares none either, so only KV-11.10 fails.
     */
    @Test
    void aMemoryBackendThatDoesNotDeclareItsPrivateStoresIsCaught() {
        URL services = getClass().getResource("/memory-claims-nothing/" + PROVIDERS);
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(new ClassLoader(before) {
            @Override
            public java.util.Enumeration<URL> getResources(String name) throws java.io.IOException {
                return name.equals(PROVIDERS) ? java.util.Collections.enumeration(List.of(services))
                        : super.getResources(name);
            }
        });
        try {
            for (int i = 0; i < REPEAT; i++) {
                assertFailsExactly(KitRuns.run("kv:memory:tck-claims", null, KitRuns.QUICK),
                        "KV-11.10", "run " + (i + 1) + " of " + REPEAT);
            }
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private static final String PROVIDERS = "META-INF/services/io.kv4j.spi.KvProvider";

    @Test
    void aBackendThatHangsStopsTheRunAfterThreeTimeoutsWithAReport(@TempDir Path reports)
            throws Exception {
        Map<String, String> parameters = new HashMap<>(KitRuns.QUICK);
        parameters.put(Tck.TEST_TIMEOUT_MS, "500");
        parameters.put(Tck.WORKLOAD_TIMEOUT_MS, "2000");
        for (int i = 0; i < REPEAT; i++) {
            long t0 = System.nanoTime();
            KitRuns.Run run = KitRuns.run("kv:broken-hang:tck", reports, parameters);
            long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
            assertEquals(Tck.FAILED, run.result().exitCode(), run.output());
            assertTrue(run.output().contains("kv-tck: the run stopped early: 3 tests timed out "
                    + "after 500 ms (kv.tck.test-timeout-ms): the backend hangs"), run.output());
            assertTrue(seconds < 30, "the run took " + seconds + " s\n" + run.output());
            assertTrue(Files.exists(reports.resolve(Reports.JSON)), "the reports were written");
        }
    }

    @Test
    void aBackendThatRunsOutOfMemoryStopsTheRunWithAReport(@TempDir Path reports)
            throws Exception {
        for (int i = 0; i < REPEAT; i++) {
            KitRuns.Run run = KitRuns.run("kv:broken-oom:tck", reports, KitRuns.QUICK);
            assertEquals(Tck.FAILED, run.result().exitCode(), run.output());
            assertEquals(Set.of("KV-4.4"), run.clauses(Verdicts.Status.FAIL), run.output());
            assertTrue(run.output().contains("kv-tck: the run stopped early: "
                    + "java.lang.OutOfMemoryError: Java heap space (thrown by a broken backend) in "
                    + "KV-4.4 kv4_4_"), run.output());
            assertTrue(Files.readString(reports.resolve(Reports.MARKDOWN), StandardCharsets.UTF_8)
                    .contains("the run stopped early"), "the report says why");
        }
    }

    @Test
    void aRunNeverShowsTheUrlsSecrets(@TempDir Path reports) throws Exception {
        KitRuns.Run run = KitRuns.run("kv:broken-range://tck:s3cret@kit/db", reports,
                KitRuns.QUICK);
        assertFailsExactly(run, "KV-7.1 KV-7.9 KV-7.10 KV-10.10");
        List<String> texts = new ArrayList<>(List.of(run.output()));
        try (Stream<Path> files = Files.list(reports)) {
            for (Path f : files.toList()) {
                texts.add(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        assertEquals(4, texts.size(), "the output and three reports");
        for (String text : texts) {
            assertFalse(text.contains("s3cret"), "a secret shown in: "
                    + text);
        }
    }

    @Test
    void aShortPasswordThatIsAlsoTheDatabasesName_isNoFalseLeak_andTheVerdictSaysSo() {
        // Testcontainers' default: user, password and database all 'test'
        KitRuns.Run run = KitRuns.run("kv:broken-logs-url://test:test@kit/test", null,
                KitRuns.QUICK);
        assertEquals(Set.of(), run.clauses(Verdicts.Status.FAIL), run.output());
        Verdicts.Verdict secrets = run.result().verdicts().verdicts().stream()
                .filter(v -> v.clause().equals("KV-11.8")).findFirst().orElseThrow();
        assertTrue(secrets.status() == Verdicts.Status.PASS && secrets.partlyUntested()
                && secrets.reason().contains("the password in the URL's user information (4 "
                        + "characters, fewer than 8) only where a secret stands"), run.output());
        assertTrue(run.output().contains("Tests: ") && !run.output().contains(Secrets.MASK + "s"),
                "the kit's own words are not masked: " + run.output());
    }

    private static void assertFailsExactly(KitRuns.Run run, String clauses) {
        assertFailsExactly(run, clauses, "");
    }

    private static void assertFailsExactly(KitRuns.Run run, String clauses, String which) {
        Set<String> expected = new TreeSet<>(List.of(clauses.split(" ")));
        Set<String> failed = run.clauses(Verdicts.Status.FAIL);
        Set<String> extra = new TreeSet<>(failed);
        extra.removeAll(expected);
        Set<String> missed = new TreeSet<>(expected);
        missed.removeAll(failed);
        assertTrue(extra.isEmpty() && missed.isEmpty(), which + " unexpected failures " + extra
                + ", expected failures that passed " + missed + "\n" + run.output());
        assertEquals(Tck.FAILED, run.result().exitCode(), "the exit code");
        assertEquals(Set.of(), run.clauses(Verdicts.Status.MISSING), "no clause without a test");
    }
}
