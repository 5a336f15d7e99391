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

    /**
     * The most bytes read as one value or one line: far above what a backend stores as one value
     * (PostgreSQL 32 MiB), and small enough that an endless input such as {@code /dev/zero} is
     * refused instead of filling the heap.
     */
    static final int MAX_TEXT_MIB = 256;
    static final int MAX_TEXT_BYTES = MAX_TEXT_MIB * 1024 * 1024;

    private Utf8() {
    }

    /**
     * Reads a whole input of at most {@link #MAX_TEXT_BYTES} and decodes it.
     *
     * @param what names the input in messages, such as {@code the value in v.json}
     * @throws IllegalArgumentException when the input is longer or is not UTF-8
     */
    static String read(InputStream in, String what) throws IOException {
        byte[] bytes = in.readNBytes(MAX_TEXT_BYTES + 1);
        if (bytes.length > MAX_TEXT_BYTES) {
            throw new IllegalArgumentException(what + " is longer than " + MAX_TEXT_MIB
                    + " MiB, more than kv reads as one value");
        }
        try {
            return decode(bytes);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(what + " is not UTF-8 text");
        }
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
         * @throws IllegalArgumentException naming the line that is not UTF-8 or is longer than
         *     {@link #MAX_TEXT_BYTES}
         */
        String next() throws IOException {
            line.reset();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                if (line.size() == MAX_TEXT_BYTES) {
                    throw new IllegalArgumentException("line " + (number + 1) + " is longer than "
                            + MAX_TEXT_MIB + " MiB, more than kv reads as one line");
                }
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
