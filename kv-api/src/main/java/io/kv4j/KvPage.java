package io.kv4j;

import java.util.ArrayList;
import java.util.List;

/**
 * One page of a listing: entries in UTF-8 byte order of their keys, or the reverse for a
 * {@linkplain KvRange#reverse() reverse} listing.
 */
public final class KvPage {

    private final List<KvEntry> entries;
    private final String cursor;

    KvPage(List<KvEntry> entries, String cursor) {
        this.entries = List.copyOf(entries);
        this.cursor = cursor;
    }

    /**
     * The entries of this page.
     *
     * @return the entries, in the listing's order
     */
    public List<KvEntry> entries() {
        return entries;
    }

    /**
     * The keys of this page.
     *
     * @return the keys, in order
     */
    public List<String> keys() {
        List<String> keys = new ArrayList<>(entries.size());
        for (KvEntry e : entries) {
            keys.add(e.key());
        }
        return keys;
    }

    /**
     * Whether more entries follow this page.
     *
     * @return true if {@link #cursor()} leads to more
     */
    public boolean hasMore() {
        return cursor != null;
    }

    /**
     * Where the next page starts: pass it to {@link KvReader#list(String, String, int)} or
     * {@link KvRange#after(String)}; the next page continues in the same direction.
     *
     * @return the last key of this page when more follow, else null
     */
    public String cursor() {
        return cursor;
    }

    @Override
    public String toString() {
        return "KvPage" + keys() + (hasMore() ? " (more after " + cursor + ")" : "");
    }
}
