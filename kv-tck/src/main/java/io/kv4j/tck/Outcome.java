package io.kv4j.tck;

/**
 * How one kit test ended.
 *
 * @param clause the clause id it checks
 * @param testClass the test class's name
 * @param test the test method's name
 * @param status how it ended
 * @param message why it failed or was skipped; null when it passed
 * @param trace the failure's stack trace, or null
 * @param millis how long it ran
 */
record Outcome(String clause, String testClass, String test, Status status, String message,
        String trace, long millis) {

    /** How a test ended. */
    enum Status {
        /** It passed. */
        PASSED,
        /** It failed: the clause is broken. */
        FAILED,
        /** It did not run to the end: a capability or a part of the clause is untested. */
        SKIPPED
    }
}
