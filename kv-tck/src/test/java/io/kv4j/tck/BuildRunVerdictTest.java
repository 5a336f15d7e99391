package io.kv4j.tck;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/**
 * The kit run by a vendor's build (Surefire, an IDE) gives the verdict that {@code kv tck} gives:
 * it prints the same verdict per clause, and fails the build unless the verdict is PASSED, a MUST
 * clause that went untested included, unless {@value Tck#ALLOW_UNTESTED} names it.
 */
class BuildRunVerdictTest {

    private static Map<String, String> parameters(String url, String... more) {
        Map<String, String> p = new HashMap<>(KitRuns.QUICK);
        p.put(Tck.URL, url);
        for (int i = 0; i < more.length; i += 2) {
            p.put(more[i], more[i + 1]);
        }
        return p;
    }

    @Test
    void aBrokenBackendFailsTheBuildWithTheVerdictTable() {
        BuildRuns.Run run = BuildRuns.run(parameters("kv:broken-string-order:build"));
        assertTrue(run.engineFailed(), run.output());
        assertTrue(run.failure().startsWith("kv-tck: FAILED on kv:broken-string-order:build in "),
                run.failure());
        assertTrue(run.failure().endsWith(" (exit code 1): failed KV-3.2, KV-10.3, KV-10.9"),
                run.failure());
        assertTrue(run.output().contains("Verdict per clause:\n"), run.output());
        assertTrue(run.output().contains("\n  FAIL     KV-10.3  MUST "), run.output());
        assertTrue(run.output().contains("\n" + run.failure() + "\n"), "the verdict line, printed");
        assertTrue(run.output().contains("kv3_2_everyOtherKeyIsKeptExactly: every key listed exactly "
                + "as given ==> the lists differ first at index "), "where the lists differ\n"
                + run.output());
    }

    @Test
    void anUntestedMustClauseFailsTheBuild() {
        BuildRuns.Run run = BuildRuns.run(parameters("kv:memory:"));
        assertTrue(run.engineFailed(), run.output());
        assertTrue(run.failure().startsWith("kv-tck: PASSED WITH UNTESTED MUST CLAUSES on kv:memory: "
                + "in "), run.failure());
        assertTrue(run.failure().contains("(exit code 3): untested KV-2.7 (part), KV-5.12 (part), "
                + "KV-7.11 (part), KV-11.9 (part) (each clause's verdict says what would test it; "
                + "kv.tck.allow-untested names those a run may leave untested)"), run.failure());
        assertTrue(run.output().contains("\n  PASS     KV-7.11  MUST      (3 tests) "), run.output());
        assertTrue(run.output().contains("untested: the backend declares PRIVATE_TO_STORE"),
                run.output());
    }

    @Test
    void untestedMustClausesThatTheVendorAllowsPassTheBuild() {
        BuildRuns.Run run = BuildRuns.run(parameters("kv:memory:", Tck.ALLOW_UNTESTED,
                "KV-2.7, KV-5.12,KV-7.11,KV-11.9"));
        assertFalse(run.engineFailed(), run.failure() + "\n" + run.output());
        assertTrue(run.output().contains("kv-tck: PASSED on kv:memory: in "), run.output());
        assertTrue(run.output().contains("(exit code 0): untested as kv.tck.allow-untested allows: "
                + "KV-2.7 (part), KV-5.12 (part), KV-7.11 (part), KV-11.9 (part)\n"), run.output());
    }

    @Test
    void allowingSomeUntestedClausesStillFailsOnTheOthers() {
        BuildRuns.Run run = BuildRuns.run(parameters("kv:memory:", Tck.ALLOW_UNTESTED, "KV-7.11"));
        assertTrue(run.engineFailed(), run.output());
        assertTrue(run.failure().contains("(exit code 3): untested KV-2.7 (part), KV-5.12 (part), "
                + "KV-11.9 (part) ("), run.failure());
        assertTrue(run.failure().endsWith("; untested as kv.tck.allow-untested allows: "
                + "KV-7.11 (part)"), run.failure());
    }

    @Test
    void allAllowsEveryClauseToGoUntested() {
        Settings s = Settings.from(name -> java.util.Optional.ofNullable(
                Map.of(Tck.ALLOW_UNTESTED, "all").get(name)));
        assertTrue(s.allowsUntested("KV-9.2") && s.allowsUntested("KV-1.1"), s.toString());
        assertFalse(Settings.from(name -> java.util.Optional.empty()).allowsUntested("KV-9.2"),
                "nothing is allowed by default");
    }

    @Test
    void anAllowanceNamingNoClauseOfTheSpecIsRefused() {
        BuildRuns.Run run = BuildRuns.run(parameters("kv:memory:", Tck.ALLOW_UNTESTED,
                "KV-7.11,KV-99.1"));
        assertTrue(run.engineFailed(), run.output());
        assertTrue(run.failure().startsWith("kv-tck: MISCONFIGURED: kv.tck.allow-untested must be "
                + "all or clause ids of the SPEC separated by commas (such as KV-7.11,KV-9.2) but "
                + "names KV-99.1, which the SPEC does not have"), run.failure());
    }

    @Test
    void aRunOfSomeOfTheKitsTestsGivesNoVerdict() {
        BuildRuns.Run run = BuildRuns.run(LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(Kv08ReadersTest.class))
                .configurationParameters(parameters("kv:memory:")).build());
        assertFalse(run.engineFailed(), run.failure() + "\n" + run.output());
        assertTrue(run.output().contains(" of the kit's "), run.output());
        assertTrue(run.output().contains(" tests ran, so there is no verdict on kv:memory:"),
                run.output());
        assertFalse(run.output().contains("Verdict per clause:"), run.output());
    }
}
