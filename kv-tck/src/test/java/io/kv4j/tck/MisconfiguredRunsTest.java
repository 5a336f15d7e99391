package io.kv4j.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs that prove nothing exit 2 and say why, without showing secrets. */
class MisconfiguredRunsTest {

    private static final Map<String, String> NO_FIXTURE = Map.of(Tck.FIXTURE, "none");

    @Test
    void aRunWithoutAUrlExits2() {
        KitRuns.Run run = KitRuns.run(null, null, NO_FIXTURE);
        assertEquals(Tck.MISCONFIGURED, run.result().exitCode(), run.output());
        assertTrue(run.output().contains(Tck.URL), "names the parameter: " + run.output());
    }

    @Test
    void aMalformedUrlExits2() {
        KitRuns.Run run = KitRuns.run("memory:", null, NO_FIXTURE);
        assertEquals(Tck.MISCONFIGURED, run.result().exitCode(), run.output());
        assertTrue(run.output().contains("kv:<scheme>:"), run.output());
    }

    @Test
    void aUrlWithoutAProviderExits2ListingProvidersAndHidingSecrets() {
        KitRuns.Run run = KitRuns.run("kv:tck-nope://user:s3cret@host/db?password=p4ss", null,
                NO_FIXTURE);
        assertEquals(Tck.MISCONFIGURED, run.result().exitCode(), run.output());
        assertTrue(run.output().contains("memory"), "lists the providers found: " + run.output());
        assertFalse(run.output().contains("s3cret") || run.output().contains("p4ss"),
                "a secret in the output: " + run.output());
    }

    @Test
    void aFixtureThatCannotBeMadeExits2() {
        KitRuns.Run run = KitRuns.run("kv:memory:", null, Map.of(Tck.FIXTURE, "no.such.Fixture"));
        assertEquals(Tck.MISCONFIGURED, run.result().exitCode(), run.output());
        assertTrue(run.output().contains("no.such.Fixture"), run.output());
        assertTrue(run.output().contains("it is neither a fixture's name (postgres, "
                + "postgres-embedded, sqlite, none) nor a TckFixture class"), run.output());
    }

    @Test
    void aNamedFixtureThatIsNotOnTheClassPathSaysWhereItShips() {
        KitRuns.Run run = KitRuns.run(null, null, Map.of(Tck.FIXTURE, "postgres-embedded"));
        assertEquals(Tck.MISCONFIGURED, run.result().exitCode(), run.output());
        assertTrue(run.output().contains("io.kv4j.tck.postgres.EmbeddedPostgresFixture is not on "
                + "the class path; it ships in io.kv4j:kv-tck-postgres"), run.output());
    }

    @Test
    void aReportDirectoryThatIsAFileExits2BeforeTheRun(@TempDir Path dir) throws IOException {
        Path file = Files.createFile(dir.resolve("reports"));
        KitRuns.Run run = KitRuns.run("kv:memory:", file, NO_FIXTURE);
        assertEquals(Tck.MISCONFIGURED, run.result().exitCode(), run.output());
        assertTrue(run.output().contains("cannot write the reports to " + file
                + ": it is a file, not a directory"), run.output());
        assertFalse(run.output().contains("kv-tck: testing"), run.output());
    }

    @Test
    void aBadParameterExits2() {
        KitRuns.Run run = KitRuns.run("kv:memory:", null, Map.of(Tck.STEP_TIMEOUT_MS, "soon",
                Tck.FIXTURE, "none"));
        assertEquals(Tck.MISCONFIGURED, run.result().exitCode(), run.output());
        assertTrue(run.output().contains(Tck.STEP_TIMEOUT_MS + " must be"), run.output());
    }

    @Test
    void anUnknownCommandLineArgumentExits2() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = Tck.main(new String[] {"--url", "kv:memory:", "--frobnicate"},
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(Tck.MISCONFIGURED, code);
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("--frobnicate"));
    }

    @Test
    void noTestRunIsMisconfigured() {
        Verdicts v = Verdicts.of(List.of(new Spec.Entry("KV-1.1", "MUST", "x")), List.of(),
                List.of());
        assertEquals(Tck.MISCONFIGURED, v.exitCode());
        assertTrue(v.problems().contains("no test ran"), v.problems().toString());
    }

    @Test
    void aMustClauseWithoutATestIsMisconfigured() {
        Verdicts v = Verdicts.of(List.of(new Spec.Entry("KV-1.1", "MUST", "x"),
                new Spec.Entry("KV-1.2", "MUST", "y")), List.of(pass("KV-1.1")), List.of());
        assertEquals(Tck.MISCONFIGURED, v.exitCode());
        assertEquals(List.of("KV-1.2 (MUST) has no test that ran"), v.problems());
    }

    @Test
    void aFailedShouldClauseIsAWarningAndAFailedMustClauseExits1() {
        List<Spec.Entry> spec = List.of(new Spec.Entry("KV-1.1", "MUST", "x"),
                new Spec.Entry("KV-1.2", "SHOULD", "y"));
        Outcome failedShould = new Outcome("KV-1.2", "C", "kv1_2_t", Outcome.Status.FAILED, "no",
                null, 1);
        Verdicts warn = Verdicts.of(spec, List.of(pass("KV-1.1"), failedShould), List.of());
        assertEquals(Tck.PASSED, warn.exitCode());
        assertEquals(Verdicts.Status.WARN, warn.verdicts().get(1).status());
        Outcome failedMust = new Outcome("KV-1.1", "C", "kv1_1_u", Outcome.Status.FAILED, "no",
                null, 1);
        assertEquals(Tck.FAILED, Verdicts.of(spec, List.of(pass("KV-1.1"), failedMust,
                pass("KV-1.2")), List.of()).exitCode());
    }

    @Test
    void aMustClauseThatDoesNotApplyIsSkippedAndKeepsThePassClean() {
        Outcome skipped = new Outcome("KV-1.2", "C", "kv1_2_t", Outcome.Status.SKIPPED,
                "does not apply: why", null, 1);
        Verdicts v = Verdicts.of(List.of(new Spec.Entry("KV-1.1", "MUST", "x"),
                new Spec.Entry("KV-1.2", "MUST", "y")), List.of(pass("KV-1.1"), skipped), List.of());
        assertEquals(Tck.PASSED, v.exitCode());
        assertEquals(Verdicts.Status.SKIPPED, v.verdicts().get(1).status());
        assertEquals("does not apply: why", v.verdicts().get(1).reason());
        assertEquals(List.of(), v.untestedMustClauses());
    }

    @Test
    void anUntestedMustClauseOrPartIsNoCleanPass() {
        Outcome untested = new Outcome("KV-1.2", "C", "kv1_2_t", Outcome.Status.SKIPPED,
                "untested: why", null, 1);
        Outcome untestedPart = new Outcome("KV-1.1", "C", "kv1_1_u", Outcome.Status.SKIPPED,
                "untested: no hook", null, 1);
        Outcome untestedShould = new Outcome("KV-1.3", "C", "kv1_3_t", Outcome.Status.SKIPPED,
                "untested: advice", null, 1);
        Verdicts v = Verdicts.of(List.of(new Spec.Entry("KV-1.1", "MUST", "x"),
                new Spec.Entry("KV-1.2", "MUST", "y"), new Spec.Entry("KV-1.3", "SHOULD", "z")),
                List.of(pass("KV-1.1"), untestedPart, untested, untestedShould), List.of());
        assertEquals(Tck.UNTESTED, v.exitCode());
        assertEquals(Verdicts.Status.PASS, v.verdicts().get(0).status());
        assertTrue(v.verdicts().get(0).partlyUntested());
        assertEquals(Verdicts.Status.UNTESTED, v.verdicts().get(1).status());
        assertEquals(Verdicts.Status.UNTESTED, v.verdicts().get(2).status());
        assertEquals(List.of("KV-1.1 (part)", "KV-1.2"), v.untestedMustClauses(),
                "untested MUST clauses; a SHOULD clause is not one");
    }

    @Test
    void aRunThatStoppedEarlyFailsEvenWithClausesLeft() {
        Outcome stopped = new Outcome("KV-1.1", "C", "kv1_1_t", Outcome.Status.FAILED,
                "java.lang.OutOfMemoryError; the run stopped in this test", null, 1);
        Verdicts v = Verdicts.of(List.of(new Spec.Entry("KV-1.1", "MUST", "x"),
                new Spec.Entry("KV-1.2", "MUST", "y")), List.of(stopped), List.of(),
                "java.lang.OutOfMemoryError in KV-1.1 kv1_1_t");
        assertEquals(Tck.FAILED, v.exitCode());
        assertEquals(Verdicts.Status.MISSING, v.verdicts().get(1).status());
        assertEquals(List.of(), v.problems(), "clauses left by a stop are no misconfiguration");
    }

    private static Outcome pass(String clause) {
        return new Outcome(clause, "C", "t", Outcome.Status.PASSED, null, null, 1);
    }
}
