package io.kv4j;

import io.kv4j.common.Option;
import io.kv4j.spi.BackendConfig;
import io.kv4j.spi.KvBackend;
import io.kv4j.spi.KvProvider;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Providers for the lookup tests, registered in META-INF/services of the test class path. */
final class TestProviders {

    private TestProviders() {
    }

    /** A working provider for {@code kv:stub:}, taking one option of its own: {@code greeting}. */
    public static final class Stub implements KvProvider {
        @Override
        public int apiVersion() {
            return API_VERSION;
        }

        @Override
        public String scheme() {
            return "stub";
        }

        @Override
        public boolean accepts(String url) {
            return url.startsWith("kv:stub:");
        }

        @Override
        public List<Option<?>> options() {
            return List.of(Option.text("greeting", "hello", "What the stub says."),
                    Option.secret("api-key", "A secret the stub never shows."));
        }

        @Override
        public KvBackend open(BackendConfig config) {
            return CheckedMapProvider.newBackend();
        }
    }

    /** A provider for {@code kv:small:} whose storage holds values of at most 1,000 bytes. */
    public static final class Small implements KvProvider {
        @Override
        public int apiVersion() {
            return API_VERSION;
        }

        @Override
        public String scheme() {
            return "small";
        }

        @Override
        public boolean accepts(String url) {
            return url.startsWith("kv:small:");
        }

        @Override
        public int maxValueBytes() {
            return 1000;
        }

        @Override
        public KvBackend open(BackendConfig config) {
            return CheckedMapProvider.newBackend();
        }
    }

    /** A provider for {@code kv:registry:} that declares the engine's meter-registry too. */
    public static final class Registry implements KvProvider {
        @Override
        public int apiVersion() {
            return API_VERSION;
        }

        @Override
        public String scheme() {
            return "registry";
        }

        @Override
        public boolean accepts(String url) {
            return url.startsWith("kv:registry:");
        }

        @Override
        public List<Option<?>> options() {
            return List.of(Option.METER_REGISTRY, Option.text("colour", null, "A colour."));
        }

        @Override
        public KvBackend open(BackendConfig config) {
            return CheckedMapProvider.newBackend();
        }
    }

    /** One of two providers that both accept {@code kv:twin:}. */
    public static final class TwinA extends Twin {
        static final AtomicInteger OPENED = new AtomicInteger();

        @Override
        public String scheme() {
            return "twin-a";
        }

        @Override
        public KvBackend open(BackendConfig config) {
            OPENED.incrementAndGet();
            return CheckedMapProvider.newBackend();
        }
    }

    /** The other of two providers that both accept {@code kv:twin:}. */
    public static final class TwinB extends Twin {
        @Override
        public String scheme() {
            return "twin-b";
        }
    }

    abstract static class Twin implements KvProvider {
        @Override
        public int apiVersion() {
            return API_VERSION;
        }

        @Override
        public boolean accepts(String url) {
            return url.startsWith("kv:twin:");
        }

        @Override
        public KvBackend open(BackendConfig config) {
            return CheckedMapProvider.newBackend();
        }
    }

    /** A provider that cannot even be constructed. */
    public static final class Broken extends Twin {
        /** Fails, as a provider with a missing dependency would. */
        public Broken() {
            throw new IllegalStateException("broken provider: missing native library");
        }

        @Override
        public String scheme() {
            return "broken";
        }
    }

    /** A provider that declares another SPI version. */
    public static final class Old extends Twin {
        @Override
        public String scheme() {
            return "old";
        }

        @Override
        public boolean accepts(String url) {
            return url.startsWith("kv:old:");
        }

        /** The version before this SPI's, which changed what a provider implements. */
        @Override
        public int apiVersion() {
            return 2;
        }
    }
}
