package io.kv4j.cli;

import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

/** {@code kv ping}: the store's health check. */
@Command(name = "ping", aliases = "check",
        description = {
            "Check that the store can be used now: its health check.",
            "Prints 'up', the URL and what the backend reports, such as the schema's",
            "version and the pool's state; an unreachable store is an error."},
        exitCodeList = {ExitCode.OK_LINE, "1:the store cannot be used: unreachable or misconfigured",
            ExitCode.USAGE_LINE})
final class PingCommand extends StoreCommand {

    @Override
    int execute(Session session) {
        Map<String, Object> report = session.store().check();
        String details = report.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
        session.io().out().println("up " + session.store().url()
                + (details.isEmpty() ? "" : " " + details));
        return ExitCode.OK;
    }
}
