package io.kv4j.cli;

import io.kv4j.Kv;
import io.kv4j.KvStore;
import io.kv4j.KvTransaction;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code kv import}: JSON Lines as {@code kv export} writes them, checked before any write. */
@Command(name = "import",
        description = {
            "Set the entries of JSON Lines, all checked first.",
            "One {\"function\":...,\"key\":...,\"value\":...} a line, as export writes",
            "them; blank lines are skipped. The whole input is checked first: a bad",
            "line is reported with its number, and then nothing is written. Then it",
            "writes in transactions of at most " + ImportCommand.BATCH_ENTRIES
                    + " entries and 16 MiB of JSON, in the",
            "input's order, whatever the functions. Keys that the input does not hold",
            "are left as they are. If the",
            "store fails midway, the error says how far it got; importing again is",
            "safe, as it only sets keys."},
        exitCodeList = {ExitCode.OK_LINE, ExitCode.FAILED_LINE, ExitCode.USAGE_LINE})
final class ImportCommand extends StoreCommand {

    /** The most entries one transaction writes. */
    static final int BATCH_ENTRIES = 1000;

    /** The most characters of input lines one transaction writes, unless one line is longer. */
    static final int BATCH_CHARS = 16 * 1024 * 1024;

    /** How many bad lines are told one by one; the rest are counted. */
    private static final int BAD_LINES_SHOWN = 10;

    private static final Set<String> MEMBERS = Set.of("function", "key", "value");

    @Option(names = {"-i", "--input"}, paramLabel = "FILE",
            description = "Read FILE. Default: standard input.")
    private Path input;

    @Override
    boolean writes() {
        return true;
    }

    @Override
    int execute(Session session) throws IOException {
        session.requireNoTransaction("import");
        if (input == null && !session.standardInputFree()) {
            throw new ParameterException(commandLine(), "standard input carries the"
                    + " shell's commands; name a file: import --input FILE");
        }
        KvStore store = session.store();
        Progress progress = new Progress("import", session.io());
        // standard input is read once: what was checked is kept for writing
        Path spool = input == null ? Files.createTempFile("kv-import", ".jsonl") : null;
        try {
            long entries;
            try (InputStream in = input == null ? session.io().in() : Files.newInputStream(input);
                    Writer copy = spool == null ? Writer.nullWriter()
                            : Files.newBufferedWriter(spool, StandardCharsets.UTF_8)) {
                long size = input == null ? -1 : Files.size(input);
                entries = check(store, in, size, copy, progress, session);
            }
            progress.phase("writing", entries);
            write(store, spool != null ? spool : input, progress);
            progress.finish("imported " + Words.count(entries, "entry") + " " + progress.took());
        } finally {
            if (spool != null) {
                Files.deleteIfExists(spool);
            }
        }
        return ExitCode.OK;
    }

    /**
     * Reads every line and checks it as the store would on writing it, in a transaction that is
     * never committed.
     *
     * @return the number of entries
     */
    private long check(KvStore store, InputStream raw, long size, Writer copy, Progress progress,
            Session session) throws IOException {
        Counting in = new Counting(raw);
        Utf8.Lines lines = new Utf8.Lines(in);
        List<String> bad = new ArrayList<>();
        long badCount = 0;
        long entries = 0;
        long number = 0;
        progress.phase("checking", -1);
        String line;
        while ((line = next(lines)) != null) {
            number++;
            copy.write(line);
            copy.write('\n');
            if (line.isBlank()) {
                continue;
            }
            try {
                Entry entry = entry(line);
                try (KvTransaction check = store.begin(entry.function())) {
                    check.set(entry.key(), entry.value());
                }
                entries++;
            } catch (IllegalArgumentException e) {
                if (badCount++ < BAD_LINES_SHOWN) {
                    bad.add("line " + number + ": " + Errors.message(e));
                }
            }
            progress.advance(1, size > 0 ? (double) in.count / size : -1);
        }
        if (badCount > 0) {
            for (String message : bad) {
                session.io().err().println("error: " + message);
            }
            throw new IllegalArgumentException(String.format("nothing was imported: %,d of %,d"
                    + " lines %s bad%s", badCount, number, badCount == 1 ? "is" : "are",
                    badCount > bad.size() ? " (the first " + bad.size() + " are shown)" : ""));
        }
        return entries;
    }

    /**
     * Writes the checked input in transactions of consecutive lines, whichever functions they
     * are of: input sorted by function or not is written at the same rate.
     */
    private void write(KvStore store, Path source, Progress progress) throws IOException {
        long written = 0;
        long writtenUpTo = 0;
        long number = 0;
        List<Entry> batch = new ArrayList<>();
        long chars = 0;
        try (InputStream in = Files.newInputStream(source)) {
            Utf8.Lines lines = new Utf8.Lines(in);
            while (true) {
                String line = lines.next();
                Entry entry = line == null || line.isBlank() ? null : entry(line);
                boolean full = entry != null && !batch.isEmpty()
                        && (batch.size() == BATCH_ENTRIES || chars + line.length() > BATCH_CHARS);
                if ((line == null || full) && !batch.isEmpty()) {
                    try {
                        commit(store, batch);
                    } catch (RuntimeException e) {
                        if (!Errors.expected(e)) {
                            throw e;
                        }
                        throw new IllegalStateException(String.format("%,d entries were written"
                                + " (lines 1 to %,d), then: %s; importing again is safe, as it"
                                + " only sets keys", written, writtenUpTo, Errors.message(e)), e);
                    }
                    written += batch.size();
                    writtenUpTo = number;
                    progress.advance(batch.size(), -1);
                    batch.clear();
                    chars = 0;
                }
                if (line == null) {
                    return;
                }
                number++;
                if (entry != null) {
                    batch.add(entry);
                    chars += line.length();
                }
            }
        }
    }

    /**
     * Commits a batch in one request: the entries of its first function directly, those of each
     * other function through a nested call of it, which commits with the request. Each function's
     * entries keep their order, so a key given twice ends with its later value.
     */
    private static void commit(KvStore store, List<Entry> batch) {
        Map<String, List<Entry>> byFunction = new LinkedHashMap<>();
        for (Entry e : batch) {
            byFunction.computeIfAbsent(e.function(), f -> new ArrayList<>()).add(e);
        }
        store.run(batch.get(0).function(), kv -> {
            byFunction.forEach((function, entries) -> {
                if (function.equals(batch.get(0).function())) {
                    set(kv, entries);
                } else {
                    kv.call(function, callee -> set(callee, entries));
                }
            });
            return null;
        });
    }

    private static Void set(Kv kv, List<Entry> entries) {
        for (Entry e : entries) {
            kv.set(e.key(), e.value());
        }
        return null;
    }

    /**
     * One line as an entry.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    private static Entry entry(String line) {
        if (!(JsonText.parse(line) instanceof Map<?, ?> members)) {
            // a line may be a whole value of megabytes: its start says which one it is
            int points = line.codePointCount(0, line.length());
            throw new IllegalArgumentException("not a JSON object: " + (points <= 64
                    ? ShellWords.quote(line) : ShellWords.quote(line.substring(0,
                            line.offsetByCodePoints(0, 64))) + "... (" + points + " characters)"));
        }
        if (!members.keySet().equals(MEMBERS)) {
            throw new IllegalArgumentException("an entry has exactly the members function, key"
                    + " and value, but this one has " + members.keySet());
        }
        if (!(members.get("function") instanceof String function)) {
            throw new IllegalArgumentException("function must be a JSON string");
        }
        if (!(members.get("key") instanceof String key)) {
            throw new IllegalArgumentException("key must be a JSON string");
        }
        return new Entry(function, key, members.get("value"));
    }

    private static String next(Utf8.Lines lines) throws IOException {
        try {
            return lines.next();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("nothing was imported: " + e.getMessage());
        }
    }

    private record Entry(String function, String key, Object value) {
    }

    /** Counts the bytes read, for the part of a file checked so far. */
    private static final class Counting extends FilterInputStream {

        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(n, 0);
            return n;
        }
    }
}
