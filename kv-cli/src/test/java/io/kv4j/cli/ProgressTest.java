package io.kv4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private final StringWriter err = new StringWriter();

    private Progress progress(boolean terminal) {
        return new Progress("import", new Io(null, new PrintWriter(new StringWriter()),
                new PrintWriter(err), false, terminal));
    }

    @Test
    void onATerminal_showsEntriesRateAndTimeLeft() throws InterruptedException {
        Progress progress = progress(true);
        progress.phase("writing", 4);

        Thread.sleep(300);
        progress.advance(1, -1);

        assertTrue(err.toString().matches("\rimport: 1 of 4 entries, [\\d,]+/s, 25%,"
                + " ETA 0:00:0\\d, writing"), err::toString);
    }

    @Test
    void aPhase_countsItsOwnEntries() throws InterruptedException {
        Progress progress = progress(true);
        progress.advance(5, -1);
        progress.phase("writing", 2);

        Thread.sleep(300);
        progress.advance(1, -1);

        assertTrue(err.toString().contains("import: 1 of 2 entries"), err::toString);
    }

    @Test
    void finish_clearsTheProgressLineAndPrintsTheSummary() throws InterruptedException {
        Progress progress = progress(true);
        Thread.sleep(300);
        progress.advance(1, 0.5);

        progress.finish("done");

        String printed = err.toString();
        assertTrue(printed.matches("(?s)\rimport: [^\r]*\r +\rdone\\R"), printed);
    }

    @Test
    void notOnATerminal_printsALineEveryFewSecondsAsALogDoes() throws InterruptedException {
        Progress progress = new Progress("import", new Io(null, new PrintWriter(new StringWriter()),
                new PrintWriter(err), false, false), 200_000_000L);
        progress.phase("writing", 4);

        Thread.sleep(300);
        progress.advance(1, -1);
        progress.advance(1, -1);
        progress.finish("done");

        assertTrue(err.toString().matches("import: 1 of 4 entries, [\\d,]+/s, 25%, ETA"
                + " 0:00:0\\d, writing\\Rdone\\R"), err::toString);
    }

    @Test
    void notOnATerminal_printsOnlyTheSummary() throws InterruptedException {
        Progress progress = progress(false);
        Thread.sleep(300);
        progress.advance(1, 0.5);

        progress.finish("done");

        assertEquals("done" + System.lineSeparator(), err.toString());
    }
}
