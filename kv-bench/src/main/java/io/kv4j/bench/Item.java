package io.kv4j.bench;

import java.util.List;

/**
 * The value every benchmark stores under a key: a small JSON object of about 60 bytes, such as
 * {@code {"name":"user/0000042","count":7,"tags":["blue","large"]}}. kv4j and every baseline store
 * the same object, so they do the same JSON work.
 *
 * @param name the key the item was first stored under
 * @param count how many times a read-modify-write has updated it
 * @param tags two short strings, so the object has a nested array like real values do
 */
public record Item(String name, long count, List<String> tags) {

    private static final List<String> TAGS = List.of("blue", "large");

    /**
     * The item a key holds after loading.
     *
     * @param key the key
     * @return the item with count 0
     */
    public static Item initial(String key) {
        return new Item(key, 0, TAGS);
    }

    /**
     * What a read-modify-write stores: this item with its count raised by one.
     *
     * @return the next item
     */
    public Item next() {
        return new Item(name, count + 1, tags);
    }
}
