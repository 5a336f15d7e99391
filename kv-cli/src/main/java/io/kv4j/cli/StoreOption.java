package io.kv4j.cli;

import io.kv4j.KvStore;
import picocli.CommandLine.Option;

/** The {@code --url} option every command that opens a store shares. */
final class StoreOption {

    @Option(names = "--url", paramLabel = "URL",
            description = "The store URL, such as kv:memory:NAME. Default: system property "
                    + KvStore.URL_PROPERTY + ", else environment variable "
                    + KvStore.URL_ENVIRONMENT
                    + ", else " + KvStore.DEFAULT_URL)
    private String url;

    KvStore open() {
        return KvStore.open(url != null ? url : KvStore.defaultUrl());
    }
}
