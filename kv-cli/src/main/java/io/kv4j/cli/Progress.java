package io.kv4j.cli;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * Progress of long work on standard error: entries done, the rate, and the time left when the
 * amount is known. When standard error is a terminal, one line redrawn in place a few times a
 * second; else, as in a log, a line of its own every few seconds, as pg_dump --verbose and
 * curl write there. Data on standard output never carries it.
 */
final class Progress {

    private static final long REDRAW_NANOS = 250_000_000L;

    /** How often a log gets a line. */
    static final long LOG_NANOS = 5_000_000_000L;

    private final String verb;
    private final PrintWriter err;
    private final boolean shown;
    private final long every;
    private final long begun = System.nanoTime();
    private long start = begun;
    private long lastDrawn = begun;
    private int drawnLength;
    private long done;
    private long total = -1;
    private double fraction = -1;
    private String note = "";

    Progress(String verb, Io io) {
        this(verb, io, LOG_NANOS);
    }

    /** @param logEvery how often a line is written when standard error is no terminal */
    Progress(String verb, Io io, long logEvery) {
        this.verb = verb;
        this.err = io.err();
        this.shown = io.errTerminal();
        this.every = shown ? REDRAW_NANOS : logEvery;
    }

    /**
     * Starts a phase of the work, counting its entries from 0.
     *
     * @param what what the phase does, such as "writing"
     * @param entries how many entries it will reach, which gives the time left; -1 when not known
     */
    void phase(String what, long entries) {
        note = what;
        total = entries;
        done = 0;
        fraction = -1;
        start = System.nanoTime();
    }

    /** What the work is on now, such as "function 2 of 5". */
    void note(String text) {
        this.note = text;
    }

    /**
     * Counts entries done.
     *
     * @param entries how many more are done
     * @param part the part of the work done, 0 to 1, when the entries' total is not known; else
     *     a negative number
     */
    void advance(long entries, double part) {
        done += entries;
        fraction = part;
        long now = System.nanoTime();
        if (now - lastDrawn >= every) {
            lastDrawn = now;
            if (shown) {
                draw(line(now));
            } else {
                err.println(line(now));
                err.flush();
            }
        }
    }

    /** Clears the progress line and says how the work ended. */
    void finish(String summary) {
        if (drawnLength > 0) {
            draw("");
            err.print('\r');
        }
        err.println(summary);
        err.flush();
    }

    /** How long the work took so far, for a summary: "in 1.2 s". */
    String took() {
        return String.format("in %.1f s", (System.nanoTime() - begun) / 1e9);
    }

    private String line(long now) {
        double seconds = Math.max((now - start) / 1e9, 1e-3);
        double part = total > 0 ? (double) done / total : fraction;
        StringBuilder line = new StringBuilder(verb).append(": ").append(total >= 0
                ? String.format("%,d of %s", done, Words.count(total, "entry"))
                : Words.count(done, "entry"));
        line.append(String.format(", %,.0f/s", done / seconds));
        if (part > 0 && part <= 1) {
            Duration left = Duration.ofSeconds(Math.round(seconds * (1 - part) / part));
            line.append(String.format(", %d%%, ETA %d:%02d:%02d", Math.round(part * 100),
                    left.toHours(), left.toMinutesPart(), left.toSecondsPart()));
        }
        if (!note.isEmpty()) {
            line.append(", ").append(note);
        }
        return line.toString();
    }

    private void draw(String line) {
        err.print('\r' + line + " ".repeat(Math.max(0, drawnLength - line.length())));
        err.flush();
        drawnLength = line.length();
    }
}
