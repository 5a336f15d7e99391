package io.kv4j.tck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns test outcomes into one verdict per SPEC clause, and the verdicts into the exit code.
 */
final class Verdicts {

    /** A clause's verdict. */
    enum Status {
        /** Every test that ran passed, and at least one ran to the end. */
        PASS,
        /** A test of a MUST clause failed. */
        FAIL,
        /** A test of a SHOULD or MAY clause failed: a warning. */
        WARN,
        /** Every test was skipped, each with its reason: a capability or a part is untested. */
        SKIPPED,
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
     * @param tests the outcomes of its tests
     */
    record Verdict(String clause, String level, String summary, Status status, String reason,
            List<Outcome> tests) {
    }

    private final List<Verdict> verdicts;
    private final List<String> problems;
    private final int passed;
    private final int failed;
    private final int skipped;

    private Verdicts(List<Verdict> verdicts, List<String> problems, int passed, int failed,
            int skipped) {
        this.verdicts = verdicts;
        this.problems = problems;
        this.passed = passed;
        this.failed = failed;
        this.skipped = skipped;
    }

    static Verdicts of(List<Spec.Entry> spec, List<Outcome> outcomes, List<String> broken) {
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
            if (v.status() == Status.MISSING && e.required()) {
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
        return new Verdicts(List.copyOf(verdicts), List.copyOf(problems), p, f, s);
    }

    private static Verdict judge(String id, String level, String summary, boolean required,
            List<Outcome> tests) {
        List<String> failures = new ArrayList<>();
        Set<String> skips = new LinkedHashSet<>();
        int passes = 0;
        for (Outcome o : tests) {
            switch (o.status()) {
                case PASSED -> passes++;
                case FAILED -> failures.add(o.test() + ": " + RunListener.firstLine(o.message()));
                case SKIPPED -> skips.add(RunListener.firstLine(o.message()));
            }
        }
        Status status;
        String reason;
        if (!failures.isEmpty()) {
            status = required ? Status.FAIL : Status.WARN;
            reason = String.join("; ", failures);
        } else if (passes > 0) {
            status = Status.PASS;
            reason = skips.isEmpty() ? null : "untested part: " + String.join("; ", skips);
        } else if (!skips.isEmpty()) {
            status = Status.SKIPPED;
            reason = String.join("; ", skips);
        } else {
            status = Status.MISSING;
            reason = "no test ran";
        }
        return new Verdict(id, level, summary, status, reason, List.copyOf(tests));
    }

    List<Verdict> verdicts() {
        return verdicts;
    }

    /** What makes the run misconfigured; empty for a proper run. */
    List<String> problems() {
        return problems;
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

    /** 2 when misconfigured, else 1 when a MUST clause failed, else 0. */
    int exitCode() {
        if (!problems.isEmpty()) {
            return Tck.MISCONFIGURED;
        }
        for (Verdict v : verdicts) {
            if (v.status() == Status.FAIL) {
                return Tck.FAILED;
            }
        }
        return Tck.PASSED;
    }
}
