package io.kv4j.cli;

import io.kv4j.KvStore;
import io.kv4j.tck.Tck;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code kv tck}: the compatibility kit against a store URL. */
@Command(name = "tck", abbreviateSynopsis = true,
        description = {
            "Run the compatibility kit against a store: every clause of docs/SPEC.md,",
            "with progress clause by clause and a summary (PASS, FAIL with the reason,",
            "UNTESTED or SKIPPED with why). The run deletes what it wrote.",
            "Exit codes:",
            "  0  every MUST clause that applies passed, and none went untested",
            "  3  every MUST clause that ran passed, but some went untested wholly or",
            "     in part (listed on the verdict line)",
            "  1  a MUST clause failed, or the run stopped early",
            "  2  the run was misconfigured: bad URL, no provider, no test run, or a",
            "     MUST clause without a verdict"})
final class TckCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Option(names = "--url", paramLabel = "URL", description = {
        "The store URL to test. Default: the fixture's",
        "server when --fixture is given, else system",
        "property " + KvStore.URL_PROPERTY + ", else environment variable",
        KvStore.URL_ENVIRONMENT + ", else " + KvStore.DEFAULT_URL})
    private String url;

    @Option(names = "--fixture", paramLabel = "NAME", description = {
        "The storage's hooks for the durability chapter:",
        "  postgres-embedded  a PostgreSQL 17 of its own,",
        "                     fsync and synchronous_commit",
        "                     on, with every hook",
        "  postgres           hooks for the PostgreSQL",
        "                     server of --url, no restart",
        "  sqlite             a new SQLite file in a",
        "                     temporary directory, with",
        "                     every hook",
        "  a TckFixture class name, or none.",
        "./kv adds the PostgreSQL fixtures to the class path.",
        "Default: the one fixture on the class path, if any."})
    private String fixture;

    @Option(names = "--report", paramLabel = "DIR", description = {
        "Write the reports here: kv-tck.json, kv-tck.md",
        "and TEST-kv-tck.xml."})
    private Path report;

    @Option(names = {"-P", "--param"}, paramLabel = "NAME=VALUE",
            description = {"A kit parameter, such as kv.tck.seed=42 or",
                "kv.tck.step-timeout-ms=20000."})
    private Map<String, String> params = new LinkedHashMap<>();

    @Override
    public Integer call() {
        Io io = main.io();
        Map<String, String> parameters = new LinkedHashMap<>(params);
        if (fixture != null) {
            parameters.put(Tck.FIXTURE, fixture);
        }
        // a fixture that starts its own storage gives the URL; one given is passed to it
        String target = url != null || fixture != null ? url : KvStore.defaultUrl();
        return Tck.run(target, report, WriterStream.of(io.out()), parameters);
    }
}
