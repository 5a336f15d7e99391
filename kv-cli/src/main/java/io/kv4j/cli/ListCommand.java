package io.kv4j.cli;

import io.kv4j.KvEntry;
import io.kv4j.KvPage;
import io.kv4j.KvRange;
import io.kv4j.KvReader;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code kv list}: entries by prefix, a page or all of them. */
@Command(name = "list",
        description = {
            "List a function's entries in key order, or in reverse.",
            "Those whose keys start with PREFIX and lie from --start to before --end:",
            "one KEY JSON line each, or one JSON object each with --format json.",
            "A full page ends with '# more: --after CURSOR' (on standard error",
            "with --format json): pass that to get the next page, or use --all."},
        exitCodeList = {ExitCode.OK_LINE, ExitCode.FAILED_LINE, ExitCode.USAGE_LINE})
final class ListCommand extends FunctionCommand {

    @Parameters(arity = "0..1", paramLabel = "PREFIX", defaultValue = "",
            description = "The key prefix. Default: every key.")
    private String prefix;

    @Option(names = "--limit", paramLabel = "N", description = {
        "The most entries to print, 1 to " + KvReader.MAX_PAGE_SIZE + ".",
        "Default: " + KvReader.DEFAULT_PAGE_SIZE + "."})
    private Integer limit;

    @Option(names = "--after", paramLabel = "CURSOR",
            description = "Start after this key (in reverse, before it): the cursor of a page.")
    private String after;

    @Option(names = "--start", paramLabel = "KEY",
            description = "List keys from KEY on (inclusive).")
    private String start;

    @Option(names = "--end", paramLabel = "KEY",
            description = "List keys before KEY (exclusive).")
    private String end;

    @Option(names = "--reverse", description = "List from the last key to the first.")
    private boolean reverse;

    @Option(names = "--with-version", description = {
        "Add each entry's versionstamp: VERSIONSTAMP KEY JSON, or a",
        "\"versionstamp\" member with --format json."})
    private boolean withVersion;

    @Option(names = "--all", description = {
        "Page through every entry, " + KvReader.MAX_PAGE_SIZE + " at a time; each page",
        "is read at once, the whole listing is not."})
    private boolean all;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = {
        "text: KEY JSON; json: {\"key\":...,\"value\":...}.",
        "Default: ${DEFAULT-VALUE}."})
    private Format format;

    @Override
    int execute(Session session) {
        if (all && limit != null) {
            throw new ParameterException(commandLine(), "--all and --limit exclude each"
                    + " other: --all lists every entry");
        }
        int size = all ? KvReader.MAX_PAGE_SIZE
                : limit == null ? KvReader.DEFAULT_PAGE_SIZE : limit;
        if (size < 1 || size > KvReader.MAX_PAGE_SIZE) {
            throw new ParameterException(commandLine(), "--limit must be from 1 to "
                    + KvReader.MAX_PAGE_SIZE + " but was: " + size);
        }
        String f = session.function(function);
        PrintWriter out = session.io().out();
        String cursor = after;
        do {
            String from = cursor;
            KvRange range = KvRange.prefix(prefix).start(start).end(end).limit(size).after(from);
            KvPage page = session.request(f, kv -> kv.list(reverse ? range.reverse() : range));
            for (KvEntry entry : page.entries()) {
                String line = format == Format.json
                        ? JsonText.object(withVersion ? List.of("key", entry.key(), "versionstamp",
                                entry.versionstamp()) : List.of("key", entry.key()), entry.json())
                        : ShellWords.quote(entry.key()) + " " + JsonText.compact(entry.json());
                out.println(withVersion && format != Format.json ? entry.versionstamp() + " " + line
                        : line);
            }
            cursor = page.cursor();
        } while (all && cursor != null);
        if (cursor != null) {
            String more = "# more: --after " + ShellWords.quote(cursor);
            (format == Format.json ? session.io().err() : out).println(more);
        }
        return ExitCode.OK;
    }
}
