package io.kv4j.tck;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Watches what the code under test logs while the kit runs, for secrets (KV-11.8): every record
 * that reaches java.util.logging (where {@code System.Logger} goes unless an application installs
 * its own {@code LoggerFinder}, and where SLF4J goes through slf4j-jdk14), and every line written
 * to standard output and standard error (where slf4j-simple and console handlers write). A line
 * that shows a watched secret ({@link Secrets}: where a secret stands, and the text of one long
 * and distinctive enough anywhere) is kept, with the secret masked, for the test of KV-11.8 to
 * report.
 */
final class LogWatch implements AutoCloseable {

    /** The most leaks kept; more only add to a count. */
    private static final int KEEP = 20;

    private final Secrets secrets;
    private final List<String> leaks = new CopyOnWriteArrayList<>();
    private final Handler handler = new Watcher();
    private final Logger root = Logger.getLogger("");
    private final PrintStream out;
    private final PrintStream err;
    private final PrintStream watchedOut;
    private final PrintStream watchedErr;
    private volatile int dropped;

    private LogWatch(Secrets secrets) {
        this.secrets = secrets;
        out = System.out;
        err = System.err;
        watchedOut = new PrintStream(new Lines(out, "standard output"), true,
                StandardCharsets.UTF_8);
        watchedErr = new PrintStream(new Lines(err, "standard error"), true,
                StandardCharsets.UTF_8);
    }

    /** Starts watching, for the given secrets; more can be added with {@link #watch}. */
    static LogWatch install(Secrets secrets) {
        LogWatch w = new LogWatch(secrets);
        w.handler.setLevel(Level.ALL);
        w.root.addHandler(w.handler);
        System.setOut(w.watchedOut);
        System.setErr(w.watchedErr);
        return w;
    }

    /**
     * Adds a secret of the kit's own to watch for, also as text anywhere; null and empty texts
     * are ignored.
     */
    void watch(String secret) {
        secrets.add(secret);
    }

    /**
     * The secrets that are watched for only where they stand in a line (a URL's password slot,
     * a secret option's value), as they are too short or too common to look for as text: why for
     * each, never the secret. Empty when every secret is looked for anywhere.
     */
    List<String> notSearched() {
        return secrets.notSearched();
    }

    /** Each line seen so far that held a watched secret, masked, with where it was seen. */
    List<String> leaks() {
        List<String> out = new ArrayList<>(leaks);
        if (dropped > 0) {
            out.add("(" + dropped + " more)");
        }
        return out;
    }

    /**
     * Lets java.util.logging publish every level, down to FINEST (System.Logger's DEBUG and
     * TRACE), until the returned task is run, so that records the default level would drop are
     * watched too. Handlers keep their own levels, so the console prints no more than before.
     *
     * @return what puts the level back
     */
    Runnable everyLevel() {
        Level before = root.getLevel();
        root.setLevel(Level.ALL);
        return () -> root.setLevel(before);
    }

    /**
     * Why some logs of this JVM cannot be watched, or null when all can: a {@code LoggerFinder}
     * other than java.util.logging's, or an SLF4J provider that writes elsewhere.
     */
    static String unwatched() {
        List<String> why = new ArrayList<>();
        String finder = System.LoggerFinder.getLoggerFinder().getClass().getName();
        if (!finder.equals("sun.util.logging.internal.LoggingProviderImpl")) {
            why.add("System.Logger goes to " + finder);
        }
        for (String provider : slf4jProviders()) {
            boolean simple = provider.equals("org.slf4j.simple.SimpleServiceProvider");
            String file = System.getProperty("org.slf4j.simpleLogger.logFile", "System.err");
            if (!(provider.equals("org.slf4j.nop.NOPServiceProvider")
                    || provider.equals("org.slf4j.jul.JULServiceProvider")
                    || simple && (file.equals("System.err") || file.equals("System.out")))) {
                why.add("SLF4J logs through " + provider
                        + (simple ? " to " + file : ""));
            }
        }
        return why.isEmpty() ? null : String.join(", ", why);
    }

    /** The SLF4J providers registered on the class path, read without starting SLF4J. */
    private static Set<String> slf4jProviders() {
        Set<String> names = new LinkedHashSet<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = LogWatch.class.getClassLoader();
        }
        try {
            Enumeration<URL> files = loader.getResources(
                    "META-INF/services/org.slf4j.spi.SLF4JServiceProvider");
            while (files.hasMoreElements()) {
                try (InputStream in = files.nextElement().openStream()) {
                    for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8)
                            .split("\n")) {
                        String name = line.replaceAll("#.*", "").trim();
                        if (!name.isEmpty()) {
                            names.add(name);
                        }
                    }
                }
            }
        } catch (IOException e) {
            names.add("(unreadable: " + e + ")");
        }
        return names;
    }

    private void check(String where, String line) {
        if (!secrets.shows(line)) {
            return;
        }
        if (leaks.size() < KEEP) {
            leaks.add(where + ": " + secrets.scrub(line));
        } else {
            dropped++;
        }
    }

    @Override
    public void close() {
        root.removeHandler(handler);
        if (System.out == watchedOut) {
            System.setOut(out);
        }
        if (System.err == watchedErr) {
            System.setErr(err);
        }
    }

    /** Watches the records of java.util.logging. */
    private final class Watcher extends Handler {

        private final SimpleFormatter format = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            if (record == null) {
                return;
            }
            String text;
            try {
                text = format.formatMessage(record);
            } catch (RuntimeException e) {
                text = String.valueOf(record.getMessage());
            }
            StringBuilder all = new StringBuilder(text == null ? "" : text);
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                all.append(" | ").append(t);
            }
            check("log record of " + record.getLoggerName() + " at " + record.getLevel(),
                    all.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /** Passes bytes on, and checks each line they make. */
    private final class Lines extends OutputStream {

        private final OutputStream target;
        private final String where;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        Lines(OutputStream target, String where) {
            this.target = target;
            this.where = where;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            target.write(b);
            if (b == '\n') {
                endLine();
            } else if (line.size() < 1 << 16) {
                line.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            target.write(b, off, len);
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    endLine();
                } else if (line.size() < 1 << 16) {
                    line.write(b[i]);
                }
            }
        }

        private void endLine() {
            check(where, line.toString(StandardCharsets.UTF_8));
            line.reset();
        }

        @Override
        public void flush() throws IOException {
            target.flush();
        }
    }
}
