package io.kv4j.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FootprintTest {

    /**
     * A map entry of a 12-byte key and a 60-byte JSON value takes about 180 bytes on a 64-bit JVM
     * with compressed pointers (node, key string, two byte arrays, table slot); far less means the
     * store was not held while measuring, far more that garbage was counted.
     */
    @Test
    void mapBaseline_measuresAboutWhatItsEntriesTake() throws Exception {
        Footprint.Measure m = Footprint.measure(Adapters.MAP, 50_000);
        assertTrue(m.bytesPerKey() > 120 && m.bytesPerKey() < 300,
                "bytes per key of the map baseline: " + m.bytesPerKey());
    }
}
