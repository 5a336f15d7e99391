package io.kv4j;

import io.kv4j.spi.KvBackend;

/**
 * Versionstamps: a commit's version as 16 lowercase hex digits followed by {@code 0000} (room for
 * an index within a commit), so that their string order is the commit order, on every backend.
 */
final class Versionstamps {

    private static final int LENGTH = 20;

    private Versionstamps() {
    }

    /** The versionstamp of a version, or null for {@link KvBackend#MISSING}. */
    static String of(long version) {
        if (version == KvBackend.MISSING) {
            return null;
        }
        String hex = Long.toHexString(version);
        return "0".repeat(16 - hex.length()) + hex + "0000";
    }

    /**
     * The version of a versionstamp; {@link KvBackend#MISSING} for null.
     *
     * @throws IllegalArgumentException when it is not a versionstamp
     */
    static long version(String versionstamp, String key, String function) {
        if (versionstamp == null) {
            return KvBackend.MISSING;
        }
        boolean hex = versionstamp.length() == LENGTH && versionstamp.endsWith("0000");
        for (int i = 0; hex && i < LENGTH; i++) {
            char c = versionstamp.charAt(i);
            hex = c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
        }
        long version = hex ? Long.parseUnsignedLong(versionstamp.substring(0, 16), 16) : 0;
        if (!hex || version <= 0) {
            throw new IllegalArgumentException("Invalid versionstamp " + Names.show(versionstamp)
                    + " for key " + Names.show(key) + " of function " + Names.show(function)
                    + ": a versionstamp is 20 lowercase hex digits, as KvEntry.versionstamp() "
                    + "returns it, or null for a key that must not exist");
        }
        return version;
    }
}
