package io.kv4j.sqlite;

import io.kv4j.spi.OptionDescriptor;
import java.util.ArrayList;
import java.util.List;

/** The backend's options: the one table the parser, the README and its test share. */
enum SqliteOption {

    SYNCHRONOUS(OptionDescriptor.choice("synchronous", "full", List.of("full", "normal"),
            "How commits reach the disk: full syncs the file at every commit, so a commit that returned survives a power "
                    + "loss; normal syncs only at checkpoints: commits survive a crash of the "
                    + "application but the last ones may be lost on a power loss or a crash of "
                    + "the operating system, and the store no longer declares DURABLE.")),
    BUSY_TIMEOUT_MS(OptionDescriptor.integer("busy-timeout-ms", 5_000L, 0, 3_600_000,
            "How long a call waits for the file while another connection, in this process or "
                    + "another, holds the lock it needs (the writer's turn, or a recovery), "
                    + "before it fails as unavailable.")),
    READ_CONNECTIONS(OptionDescriptor.integer("read-connections", 4L, 1, 256,
            "How many connections read at once; a read waits for a free one up to "
                    + "busy-timeout-ms.")),
    MIGRATE(OptionDescriptor.bool("migrate", true,
            "Create the file and its tables, or upgrade them, on open; when false, a missing "
                    + "or old schema is an error."));

    private final OptionDescriptor descriptor;

    SqliteOption(OptionDescriptor descriptor) {
        this.descriptor = descriptor;
    }

    String key() {
        return descriptor.name();
    }

    OptionDescriptor descriptor() {
        return descriptor;
    }

    static List<OptionDescriptor> table() {
        List<OptionDescriptor> out = new ArrayList<>();
        for (SqliteOption o : values()) {
            out.add(o.descriptor);
        }
        return List.copyOf(out);
    }
}
