package io.kv4j.cli;

import java.io.BufferedReader;
import java.io.IOException;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;

/** Where the shell's lines come from: a script, or a person at a line editor. */
interface Lines {

    /**
     * The next line.
     *
     * @param prompt what a person is shown; a script shows nothing
     * @return the line, or null at the end
     */
    String read(String prompt) throws IOException;

    /** The lines of a script. */
    static Lines of(BufferedReader script) {
        return prompt -> script.readLine();
    }

    /**
     * Lines typed at a line editor with history and completion: Ctrl-C drops the line being
     * typed, Ctrl-D ends.
     */
    static Lines of(LineReader editor) {
        return prompt -> {
            try {
                return editor.readLine(prompt);
            } catch (UserInterruptException e) {
                return "";
            } catch (EndOfFileException e) {
                return null;
            }
        };
    }
}
