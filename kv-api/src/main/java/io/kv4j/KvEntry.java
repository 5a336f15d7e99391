package io.kv4j;

/**
 * One entry: of a listing, {@link KvReader#getEntry} or {@link KvReader#getMany}.
 */
public final class KvEntry {

    private final String key;
    private final byte[] json;
    private final String function;
    private final Json codec;
    private final String versionstamp;

    KvEntry(String key, byte[] json, String function, Json codec, String versionstamp) {
        this.key = key;
        this.json = json;
        this.function = function;
        this.codec = codec;
        this.versionstamp = versionstamp;
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
     * The value as plain JSON objects, as {@link KvReader#get(String)} returns it; a fresh copy
     * each call.
     *
     * @return the value, null for JSON null
     */
    public Object value() {
        return codec.decode(json, Object.class, key, function);
    }

    /**
     * The value mapped to a type.
     *
     * @param type the type
     * @param <T> the type
     * @return the value, null for JSON null
     * @throws IllegalArgumentException when the value does not map to the type
     */
    public <T> T value(Class<T> type) {
        return codec.decode(json, type, key, function);
    }

    /**
     * The value mapped to a generic type.
     *
     * @param type the type
     * @param <T> the type
     * @return the value, null for JSON null
     * @throws IllegalArgumentException when the value does not map to the type
     */
    public <T> T value(KvType<T> type) {
        return codec.decode(json, type.type(), key, function);
    }

    /**
     * The value as JSON text.
     *
     * @return the JSON
     */
    public String json() {
        return new String(json, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * The versionstamp of the commit that wrote the entry: 20 lowercase hex digits, whose string
     * order is the order of the commits, on every backend. Opaque: compare it, store it, hand it
     * to {@link Kv#check}; do not compute with it.
     *
     * @return the versionstamp, or null for an entry written by the running request itself and
     *     not committed yet
     */
    public String versionstamp() {
        return versionstamp;
    }

    @Override
    public String toString() {
        return key + "=" + json();
    }
}
