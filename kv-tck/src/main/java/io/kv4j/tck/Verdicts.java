package io.kv4j.tck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns test outcomes into one verdict per SPEC clause, and the verdicts into the exit code. A
 * clean pass is told apart from a pass that left MUST clauses, or parts of them, untested.
 */
final class Verdicts {

    /** A clause's verdict. */
    enum Status {
        /** Every test that ran passed, and at least one ran to the end; parts may be untested. */
        PASS,
        /** A test of a MUST clause failed. */
        FAIL,
        /** A test of a SHOULD or MAY clause failed: a warning. */
        WARN,
        /** Every test was skipped because the clause does not apply to the backend. */
        SKIPPED,
        /** Every test was skipped, and the clause, or part of it, applies but went untested. */
        UNTESTED,
        /** No test reported on the clause at all. */
        MISSING
    }

    /**
     * One clause's verdict.
     *
     * @param clause the clause id
     * @param level its level
     * @param summary its first sentence
     * @param status the verdict
     * @param reason why, for every verdict but a clean pass
     * @param partlyUntested whether some of its tests were skipped as untested although others
     *     passed
     * @param tests the outcomes of its tests
     */
    record Verdict(String clause, String level, String summary, Status status, String reason,
            boolean partlyUntested, List<Outcome> tests) {

        /** Whether failing this clause makes a backend non-conforming. */
        boolean required() {
            return level.startsWith("MUST") || level.equals("?");
        }

        /** Whether the clause, or part of it, applies but was not checked. */
        boolean untested() {
            return status == Status.UNTESTED || status == Status.PASS && partlyUntested;
        }
    }

    private final List<Verdict> verdicts;
    private final List<String> problems;
    private final String stopped;
    private final Predicate<String> allowUntested;
    private final int passed;
    private final int failed;
    private final int skipped;

    private Verdicts(List<Verdict> verdicts, List<String> problems, String stopped,
            Predicate<String> allowUntested, int passed, int failed, int skipped) {
        this.verdicts = verdicts;
        this.problems = problems;
        this.stopped = stopped;
        this.allowUntested = allowUntested;
        this.passed = passed;
        this.failed = failed;
        this.skipped = skipped;
    }

    static Verdicts of(List<Spec.Entry> spec, List<Outcome> outcomes, List<String> broken) {
        return of(spec, outcomes, broken, null);
    }

    /**
     * @param stopped why the run stopped before its end, such as an {@link OutOfMemoryError} in a
     *     test; null for a run that ended normally
     */
    static Verdicts of(List<Spec.Entry> spec, List<Outcome> outcomes, List<String> broken,
            String stopped) {
        return of(spec, outcomes, broken, stopped, clause -> false);
    }

    /**
     * @param stopped why the run stopped before its end, or null
     * @param allowUntested which MUST clauses may go untested without failing the run
     *     ({@value Tck#ALLOW_UNTESTED})
     */
    static Verdicts of(List<Spec.Entry> spec, List<Outcome> outcomes, List<String> broken,
            String stopped, Predicate<String> allowUntested) {
        Map<String, List<Outcome>> byClause = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            byClause.computeIfAbsent(o.clause(), k -> new ArrayList<>()).add(o);
        }
        List<Verdict> verdicts = new ArrayList<>();
        List<String> problems = new ArrayList<>(broken);
        for (Spec.Entry e : spec) {
            Verdict v = judge(e.id(), e.level(), e.summary(), e.required(),
                    byClause.getOrDefault(e.id(), List.of()));
            byClause.remove(e.id());
            verdicts.add(v);
            // after a stop, the clauses that never ran are reported, not a misconfiguration
            if (v.status() == Status.MISSING && e.required() && stopped == null) {
                problems.add(e.id() + " (" + e.level() + ") has no test that ran");
            }
        }
        byClause.forEach((id, tests) -> {
            problems.add("tests cite " + id + ", which the SPEC does not have");
            verdicts.add(judge(id, "?", "not in the SPEC", true, tests));
        });
        int p = 0;
        int f = 0;
        int s = 0;
        for (Outcome o : outcomes) {
            switch (o.status()) {
                case PASSED -> p++;
                case FAILED -> f++;
                case SKIPPED -> s++;
            }
        }
        if (outcomes.isEmpty()) {
            problems.add("no test ran");
        }
        return new Verdicts(List.copyOf(verdicts), List.copyOf(problems), stopped, allowUntested,
                p, f, s);
    }

    private static Verdict judge(String id, String level, String summary, boolean required,
            List<Outcome> tests) {
        List<String> failures = new ArrayList<>();
        Set<String> skips = new LinkedHashSet<>();
        boolean untested = false;
        int passes = 0;
        for (Outcome o : tests) {
            switch (o.status()) {
                case PASSED -> passes++;
                case FAILED -> failures.add(o.test() + ": " + o.brief());
                case SKIPPED -> {
                    skips.add(o.brief());
                    untested |= Skip.isUntested(o.message());
                }
            }
        }
        Status status;
        String reason;
        if (!failures.isEmpty()) {
            status = required ? Status.FAIL : Status.WARN;
            reason = String.join("; ", failures);
        } else if (passes > 0) {
            status = Status.PASS;
            reason = skips.isEmpty() ? null : String.join("; ", skips);
        } else if (!skips.isEmpty()) {
            status = untested ? Status.UNTESTED : Status.SKIPPED;
            reason = String.join("; ", skips);
        } else {
            status = Status.MISSING;
            reason = "no test ran";
        }
        return new Verdict(id, level, summary, status, reason,
                status == Status.PASS && untested, List.copyOf(tests));
    }

    List<Verdict> verdicts() {
        return verdicts;
    }

    /** What makes the run misconfigured; empty for a proper run. */
    List<String> problems() {
        return problems;
    }

    /** Why the run stopped before its end, or null. */
    String stopped() {
        return stopped;
    }

    /**
     * The MUST clauses that apply but were not checked, wholly or in part, each as its id,
     * followed by {@code (part)} when only part of it went untested.
     */
    List<String> untestedMustClauses() {
        return untested(v -> true);
    }

    /**
     * The untested MUST clauses, as {@link #untestedMustClauses()} gives them, that
     * {@value Tck#ALLOW_UNTESTED} does not allow: the ones that keep the run from passing.
     */
    List<String> refusedUntested() {
        return untested(v -> !allowUntested.test(v.clause()));
    }

    /** The untested MUST clauses that {@value Tck#ALLOW_UNTESTED} allows. */
    List<String> allowedUntested() {
        return untested(v -> allowUntested.test(v.clause()));
    }

    private List<String> untested(Predicate<Verdict> which) {
        List<String> out = new ArrayList<>();
        for (Verdict v : verdicts) {
            if (v.required() && v.untested() && which.test(v)) {
                out.add(v.clause() + (v.status() == Status.PASS ? " (part)" : ""));
            }
        }
        return out;
    }

    int passed() {
        return passed;
    }

    int failed() {
        return failed;
    }

    int skipped() {
        return skipped;
    }

    /**
     * {@link Tck#FAILED} when the run stopped early; else {@link Tck#MISCONFIGURED} when it proves
     * nothing; else {@link Tck#FAILED} when a MUST clause failed; else {@link Tck#UNTESTED} when a
     * MUST clause that applies went untested, wholly or in part, and {@value Tck#ALLOW_UNTESTED}
     * does not allow it; else {@link Tck#PASSED}.
     */
    int exitCode() {
        if (stopped != null) {
            return Tck.FAILED;
        }
        if (!problems.isEmpty()) {
            return Tck.MISCONFIGURED;
        }
        for (Verdict v : verdicts) {
            if (v.status() == Status.FAIL) {
                return Tck.FAILED;
            }
        }
        return refusedUntested().isEmpty() ? Tck.PASSED : Tck.UNTESTED;
    }
}
