package io.kv4j.bench;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory baseline: JSON bytes in a {@link ConcurrentHashMap}, written and read with
 * Jackson, as one would store values by hand. A read-modify-write is a plain get then put, with no
 * isolation between concurrent updates of one key: the fastest thing that does the same JSON work.
 */
final class MapAdapter implements Adapter {

    private final ConcurrentHashMap<String, byte[]> map = new ConcurrentHashMap<>();
    private final ObjectMapper mapper = JsonMapper.builder().build();

    @Override
    public void load(List<String> keys) throws IOException {
        for (String key : keys) {
            map.put(key, mapper.writeValueAsBytes(Item.initial(key)));
        }
    }

    @Override
    public Item readModifyWrite(String key) throws IOException {
        Item next = mapper.readValue(map.get(key), Item.class).next();
        map.put(key, mapper.writeValueAsBytes(next));
        return next;
    }

    @Override
    public Item read(String key) throws IOException {
        byte[] json = map.get(key);
        return json == null ? null : mapper.readValue(json, Item.class);
    }

    @Override
    public void writeAll(List<String> keys, Item value) throws IOException {
        for (String key : keys) {
            map.put(key, mapper.writeValueAsBytes(value));
        }
    }

    @Override
    public void close() {
        map.clear();
    }
}
