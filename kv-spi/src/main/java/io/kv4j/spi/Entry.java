package io.kv4j.spi;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One committed entry: its key, its value as UTF-8 JSON bytes and its version. Backends create
 * entries with {@link #of}; later versions of the SPI may add properties with defaults.
 */
public final class Entry {

    private final String key;
    private final byte[] value;
    private final long version;

    private Entry(String key, byte[] value, long version) {
        this.key = key;
        this.value = value;
        this.version = version;
    }

    /**
     * Creates an entry.
     *
     * @param key the key
     * @param value the value as UTF-8 JSON bytes; not copied, so the caller must not change it
     *     afterwards
     * @param version the entry's version, positive
     * @return the entry
     * @throws NullPointerException if the key or the value is null
     * @throws IllegalArgumentException if the version is not positive
     */
    public static Entry of(String key, byte[] value, long version) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (version <= KvBackend.MISSING) {
            throw new IllegalArgumentException("version must be positive but was: " + version);
        }
        return new Entry(key, value, version);
    }

    /**
     * The key.
     *
     * @return the key
     */
    public String key() {
        return key;
    }

    /**
     * The value as UTF-8 JSON bytes. The receiver must not change the array.
     *
     * @return the value
     */
    public byte[] value() {
        return value;
    }

    /**
     * The version: positive, and new on every write of the key (see {@link KvBackend}).
     *
     * @return the version
     */
    public long version() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Entry e && e.version == version && e.key.equals(key)
                && Arrays.equals(e.value, value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, version);
    }

    @Override
    public String toString() {
        return "Entry[" + Text.quote(key) + "@" + version + "="
                + Text.quote(new String(value, StandardCharsets.UTF_8)) + "]";
    }
}
