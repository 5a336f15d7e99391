package io.kv4j.postgres;

import io.kv4j.spi.Entry;

/**
 * Committed entries kept after a read or a local commit ({@link CaffeineReadCache}), or
 * {@link #OFF} when {@code cache=false}, so that the code around a cache never asks whether
 * there is one.
 */
interface ReadCache {

    /** The cache of a store opened with {@code cache=false}: it serves and keeps nothing. */
    ReadCache OFF = new Off();

    /** A cached read: {@code entry} null when the key is known missing. */
    record Cached(Entry entry) {
    }

    /** When a read or a commit began: give it back to {@link #fill} or {@link #update}. */
    record Stamp(long epoch, long stripe) {
    }

    /**
     * Whether this cache may ever serve a read; false only for {@link #OFF}. A read it served may
     * be out of date, so a request that read one key from it confirms the key's version.
     */
    boolean serves();

    /** Whether it serves now: false while its listener is down. */
    boolean isOn();

    /** Starts serving, empty: called once change notifications are being received. */
    void switchOn();

    /** Stops serving and forgets everything: changes may now go unnoticed. */
    void switchOff();

    /** The cached read, or null when there is none or the cache is off. */
    Cached get(String namespace, String key);

    /** When a read or a change of the key begins. */
    Stamp stamp(String namespace, String key);

    /** Keeps what a read found, unless something changed since {@code before}. */
    void fill(String namespace, String key, Entry entry, Stamp before);

    /** Keeps what a local commit wrote, unless something changed since {@code before}. */
    void update(String namespace, String key, Entry entry, Stamp before);

    /** Forgets a key: it changed, or may have. */
    void invalidate(String namespace, String key);

    /** Forgets everything: a change that was not described key by key. */
    void invalidateAll();

    /** The estimated bytes held. */
    long weightedBytes();

    /** {@link #OFF}. */
    final class Off implements ReadCache {

        private static final Stamp NONE = new Stamp(0, 0);

        private Off() {
        }

        @Override
        public boolean serves() {
            return false;
        }

        @Override
        public boolean isOn() {
            return false;
        }

        @Override
        public void switchOn() {
        }

        @Override
        public void switchOff() {
        }

        @Override
        public Cached get(String namespace, String key) {
            return null;
        }

        @Override
        public Stamp stamp(String namespace, String key) {
            return NONE;
        }

        @Override
        public void fill(String namespace, String key, Entry entry, Stamp before) {
        }

        @Override
        public void update(String namespace, String key, Entry entry, Stamp before) {
        }

        @Override
        public void invalidate(String namespace, String key) {
        }

        @Override
        public void invalidateAll() {
        }

        @Override
        public long weightedBytes() {
            return 0;
        }
    }
}
