package io.kv4j.tck;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.opentest4j.AssertionFailedError;

/**
 * How one kit test ended.
 *
 * @param clause the clause id it checks
 * @param testClass the test class's name
 * @param test the test method's name
 * @param status how it ended
 * @param message why it failed or was skipped, whole; null when it passed
 * @param trace the failure's stack trace, or null
 * @param millis how long it ran
 * @param brief the message in one line for the console: where the two values a failure compares
 *     differ, when the message is too long to show whole; null when it passed
 */
record Outcome(String clause, String testClass, String test, Status status, String message,
        String trace, long millis, String brief) {

    /** The longest line the console shows of a message. */
    static final int LINE = 300;

    private static final String ASSUMPTION = "Assumption failed: ";

    /** An outcome whose brief is the first line of its message. */
    Outcome(String clause, String testClass, String test, Status status, String message,
            String trace, long millis) {
        this(clause, testClass, test, status, message, trace, millis, firstLine(message));
    }

    /** How a test ended. */
    enum Status {
        /** It passed. */
        PASSED,
        /** It failed: the clause is broken. */
        FAILED,
        /** It did not run to the end: a capability or a part of the clause is untested. */
        SKIPPED
    }

    /**
     * The outcome of a test that ended with {@code thrown}, or passed (null), with every text
     * scrubbed of the run's secrets.
     *
     * @param reason why it failed or was skipped when not what it threw (a disabled test, a run
     *     stopped in it), else null
     */
    static Outcome of(String clause, String testClass, String test, Status status,
            Throwable thrown, String reason, long millis, Secrets secrets) {
        String message = status == Status.PASSED ? null
                : reason != null ? reason : message(thrown);
        String brief = status == Status.FAILED ? brief(thrown, message) : firstLine(message);
        return new Outcome(clause, testClass, test, status, secrets.scrub(message),
                secrets.scrub(status == Status.FAILED ? trace(thrown) : null), millis,
                secrets.scrub(brief));
    }

    /**
     * The message of a failure in one line: whole when it fits, else, for a failure that compares
     * two values, its own words and where the values first differ, which the first
     * {@value #LINE} characters of a long message rarely reach.
     */
    static String brief(Throwable thrown, String message) {
        String line = firstLine(message);
        if (message == null || message.equals(line)
                || !(thrown instanceof AssertionFailedError f)
                || !f.isExpectedDefined() || !f.isActualDefined()) {
            return line;
        }
        String difference = Difference.of(value(f.getExpected()), value(f.getActual()));
        if (difference == null) {
            return line;
        }
        int arrow = message.indexOf(" ==> ");
        String what = arrow < 0 ? "" : firstLine(message.substring(0, arrow)) + " ==> ";
        return what + difference;
    }

    private static Object value(org.opentest4j.ValueWrapper w) {
        return w.getValue() != null ? w.getValue() : w.getStringRepresentation();
    }

    /** The message of what a test threw, without JUnit's prefix for assumptions. */
    static String message(Throwable t) {
        if (t == null) {
            return "no reason given";
        }
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return t.getClass().getName();
        }
        // JUnit's assumptions put this before the reason the kit gave
        return m.startsWith(ASSUMPTION) ? m.substring(ASSUMPTION.length()) : m;
    }

    /** The first line of a text, cut at {@value #LINE} characters; null for null. */
    static String firstLine(String s) {
        if (s == null) {
            return null;
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl) + " ...";
        return line.length() <= LINE ? line : line.substring(0, LINE - 3) + "...";
    }

    static String trace(Throwable t) {
        if (t == null) {
            return null;
        }
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
