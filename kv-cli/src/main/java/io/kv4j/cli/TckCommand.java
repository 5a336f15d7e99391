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
@Command(name = "tck",
        description = {
            "Run the compatibility kit against a store: every clause of docs/SPEC.md, with",
            "progress clause by clause and a summary (PASS, FAIL with the reason, SKIPPED with why).",
            "Exit code 0 when every MUST clause passed, 1 when one failed, 2 when the run was",
            "misconfigured (bad URL, no provider, no test run, a MUST clause without a verdict)."})
final class TckCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Option(names = "--url", paramLabel = "URL",
            description = "The store URL to test. Default: system property " + KvStore.URL_PROPERTY
                    + ", else environment variable " + KvStore.URL_ENVIRONMENT + ", else "
                    + KvStore.DEFAULT_URL + " (run as a memory store of its own)")
    private String url;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Write the reports here: kv-tck.json, kv-tck.md and TEST-kv-tck.xml.")
    private Path report;

    @Option(names = {"-P", "--param"}, paramLabel = "NAME=VALUE",
            description = "A kit parameter, such as kv.tck.seed=42 or kv.tck.step-timeout-ms=20000.")
    private Map<String, String> params = new LinkedHashMap<>();

    @Override
    public Integer call() {
        Io io = main.io();
        return Tck.run(url != null ? url : KvStore.defaultUrl(), report, WriterStream.of(io.out()),
                params);
    }
}
