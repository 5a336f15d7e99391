package io.kv4j.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Input read as UTF-8 that refuses bytes that are not, instead of replacing them unseen. */
final class Utf8 {

    private Utf8() {
    }

    /**
     * Decodes bytes.
     *
     * @throws CharacterCodingException when they are not UTF-8
     */
    static String decode(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** Lines, each decoded alone, so that bad bytes are told with the number of their line. */
    static final class Lines {

        private final InputStream in;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private long number;

        Lines(InputStream in) {
            this.in = new BufferedInputStream(in);
        }

        /**
         * The next line, without its end, or null at the end of the input.
         *
         * @throws IllegalArgumentException naming the line that is not UTF-8
         */
        String next() throws IOException {
            line.reset();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                line.write(b);
            }
            if (b < 0 && line.size() == 0) {
                return null;
            }
            number++;
            try {
                String text = decode(line.toByteArray());
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            } catch (CharacterCodingException e) {
                throw new IllegalArgumentException("line " + number + " is not UTF-8 text");
            }
        }
    }
}
