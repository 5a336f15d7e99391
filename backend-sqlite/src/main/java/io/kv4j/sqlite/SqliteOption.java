package io.kv4j.sqlite;

import io.kv4j.common.Option;
import java.util.List;

/** The backend's options, typed: the one table the parser, the README and its test share. */
final class SqliteOption {

    static final Option<String> SYNCHRONOUS = Option.choice("synchronous", "full",
            List.of("full", "normal"),
            "How commits reach the disk: full syncs the file at every commit, so a commit that "
                    + "returned survives a power loss; normal syncs only at checkpoints: commits "
                    + "survive a crash of the application but the last ones may be lost on a "
                    + "power loss or a crash of the operating system, and the store no longer "
                    + "declares DURABLE.");

    static final Option<Integer> BUSY_TIMEOUT_MS = Option.integer("busy-timeout-ms", 5_000, 0,
            3_600_000,
            "How long a call waits for the file while another connection, in this process or "
                    + "another, holds the lock it needs (the writer's turn, or a recovery), "
                    + "before it fails as unavailable.");

    static final Option<Integer> READ_CONNECTIONS = Option.integer("read-connections", 4, 1, 256,
            "How many connections read at once; a read waits for a free one up to "
                    + "busy-timeout-ms.");

    static final Option<Boolean> MIGRATE = Option.bool("migrate", true,
            "Create the file and its tables, or upgrade them, on open; when false, a missing "
                    + "or old schema is an error.");

    private static final List<Option<?>> TABLE = List.of(SYNCHRONOUS, BUSY_TIMEOUT_MS,
            READ_CONNECTIONS, MIGRATE);

    private SqliteOption() {
    }

    /** Every option, in the order above. */
    static List<Option<?>> table() {
        return TABLE;
    }
}
