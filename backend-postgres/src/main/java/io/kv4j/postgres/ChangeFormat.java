package io.kv4j.postgres;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The one format of change notifications: {@code <origin> <length>:<namespace><length>:<key>...},
 * lengths in code points, as many pairs as fit in {@value #MAX_PAYLOAD_BYTES} bytes; or
 * {@code <origin> *}, which means that anything may have changed.
 */
final class ChangeFormat {

    /** Below PostgreSQL's 8,000-byte payload limit, with room for the origin. */
    static final int MAX_PAYLOAD_BYTES = 7000;

    /** The body that means "anything may have changed". */
    static final String EVERYTHING = "*";

    /** What a payload says. */
    interface Reader {
        /** A key of a namespace changed. */
        void changed(String namespace, String key);

        /** Anything may have changed. */
        void changedAll();
    }

    private ChangeFormat() {
    }

    /** One written key, as a piece of a payload. */
    static String piece(String namespace, String key) {
        return count(namespace) + ":" + namespace + count(key) + ":" + key;
    }

    private static int count(String s) {
        return s.codePointCount(0, s.length());
    }

    /** Pieces cut into payloads under the size limit; a piece too long for any is "all". */
    static List<String> payloads(String origin, List<String> pieces) {
        List<String> out = new ArrayList<>();
        StringBuilder payload = new StringBuilder(origin).append(' ');
        int bytes = payload.length();
        for (String piece : pieces) {
            int size = piece.getBytes(StandardCharsets.UTF_8).length;
            if (origin.length() + 1 + size > MAX_PAYLOAD_BYTES) {
                return List.of(everything(origin));
            }
            if (bytes + size > MAX_PAYLOAD_BYTES) {
                out.add(payload.toString());
                payload.setLength(origin.length() + 1);
                bytes = payload.length();
            }
            payload.append(piece);
            bytes += size;
        }
        out.add(payload.toString());
        return out;
    }

    static String everything(String origin) {
        return origin + " " + EVERYTHING;
    }

    /**
     * Reads a payload, unless it comes from {@code ownOrigin}: a malformed one counts as "all".
     */
    static void read(String payload, String ownOrigin, Reader reader) {
        int space = payload.indexOf(' ');
        if (space < 0) {
            reader.changedAll();
            return;
        }
        if (space == ownOrigin.length() && payload.startsWith(ownOrigin)) {
            return; // this backend's own commit, already applied to its cache
        }
        String body = payload.substring(space + 1);
        if (body.equals(EVERYTHING)) {
            reader.changedAll();
            return;
        }
        List<String[]> keys = new ArrayList<>();
        try {
            int[] at = {0};
            while (at[0] < body.length()) {
                String ns = next(body, at);
                keys.add(new String[] {ns, next(body, at)});
            }
        } catch (RuntimeException malformed) {
            reader.changedAll();
            return;
        }
        for (String[] k : keys) {
            reader.changed(k[0], k[1]);
        }
    }

    /** Reads {@code <length>:<text>}, the length in code points. */
    private static String next(String body, int[] at) {
        int colon = body.indexOf(':', at[0]);
        int length = Integer.parseInt(body.substring(at[0], colon));
        int start = colon + 1;
        int end = body.offsetByCodePoints(start, length);
        at[0] = end;
        return body.substring(start, end);
    }
}
