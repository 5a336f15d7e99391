package io.kv4j.tck;

import org.junit.jupiter.api.Assumptions;

/**
 * The two reasons a kit test, or a part of one, does not run, told apart by the first words of
 * the reason: <em>does not apply</em> (the backend declares that it lacks what the clause is
 * about, such as durability, so the clause asks nothing of it) and <em>untested</em> (the clause
 * applies, but the kit cannot check it here: a hook, a child JVM or a second store on the same
 * storage is missing). A run with an untested MUST clause is not a clean pass.
 */
final class Skip {

    /** How the reason of an untested skip begins. */
    static final String UNTESTED = "untested: ";
    /** How the reason of a skip that does not apply begins. */
    static final String DOES_NOT_APPLY = "does not apply: ";

    private Skip() {
    }

    /** Skips the test as untested unless {@code condition} holds. */
    static void untestedUnless(boolean condition, String why) {
        Assumptions.assumeTrue(condition, () -> UNTESTED + why);
    }

    /** Skips the test as not applying to the backend unless {@code condition} holds. */
    static void doesNotApplyUnless(boolean condition, String why) {
        Assumptions.assumeTrue(condition, () -> DOES_NOT_APPLY + why);
    }

    /** Skips the test as untested, saying why. */
    static void untested(String why) {
        Assumptions.abort(UNTESTED + why);
    }

    /** Whether the reason of a skip says that the clause applies but went untested. */
    static boolean isUntested(String reason) {
        return reason != null && reason.startsWith("untested");
    }
}
