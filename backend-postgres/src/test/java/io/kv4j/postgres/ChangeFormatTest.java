package io.kv4j.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeFormatTest {

    private static List<String> read(String payload, String own) {
        List<String> seen = new ArrayList<>();
        ChangeFormat.read(payload, own, new ChangeFormat.Reader() {
            @Override
            public void changed(String namespace, String key) {
                seen.add(namespace + "|" + key);
            }

            @Override
            public void changedAll() {
                seen.add("*");
            }
        });
        return seen;
    }

    @Test
    void payload_isSplitIntoKeys_whateverTheyHold() {
        assertEquals(List.of("F|a:b", "G\uD83D\uDE00|x"),
                read("o1 1:F3:a:b2:G\uD83D\uDE001:x", "own"));
    }

    @Test
    void writtenKeys_comeBackAsWritten() {
        List<String> pieces = List.of(ChangeFormat.piece("f:1", "k 2"),
                ChangeFormat.piece("e\u0301", "\uD83D\uDE00/x"));
        List<String> payloads = ChangeFormat.payloads("o1", pieces);
        assertEquals(1, payloads.size());
        assertEquals(List.of("f:1|k 2", "e\u0301|\uD83D\uDE00/x"), read(payloads.get(0), "own"));
    }

    @Test
    void manyKeys_areCutIntoPayloadsUnderTheLimit() {
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            pieces.add(ChangeFormat.piece("F", "key/" + i));
        }
        List<String> payloads = ChangeFormat.payloads("o1", pieces);
        List<String> seen = new ArrayList<>();
        for (String p : payloads) {
            assertEquals(true, p.length() <= ChangeFormat.MAX_PAYLOAD_BYTES, "payload size");
            seen.addAll(read(p, "own"));
        }
        assertEquals(2_000, seen.size());
        assertEquals("F|key/1999", seen.get(1_999));
    }

    @Test
    void ownAnnouncements_areIgnored_andMalformedOnesMeanEverything() {
        assertEquals(List.of(), read("own 1:F1:k", "own"));
        assertEquals(List.of("*"), read("other *", "own"));
        assertEquals(List.of("*"), read("other 9:F", "own"));
        assertEquals(List.of("*"), read("no-space", "own"));
    }
}
