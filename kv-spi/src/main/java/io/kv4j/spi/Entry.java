package io.kv4j.spi;

import java.util.Objects;

/**
 * One committed entry.
 *
 * @param key the key
 * @param value the value as UTF-8 JSON bytes; the receiver must not modify the array
 * @param version the entry's version, positive
 */
public record Entry(String key, byte[] value, long version) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if the key or the value is null
     * @throws IllegalArgumentException if the version is not positive
     */
    public Entry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (version <= KvBackend.MISSING) {
            throw new IllegalArgumentException("version must be positive but was: " + version);
        }
    }
}
