package io.kv4j.cli;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * What is wrong with text that is not JSON, in kv's words: where (line and column) and what
 * was expected there. Jackson says it in terms of its own features and internals ("enable
 * JsonReadFeature...", "(code 93)", its source descriptions); each kind of mistake it reports
 * is recognised by its message and told anew, and one not listed here is told as the
 * character found where it went wrong.
 */
final class JsonErrors {

    /** A kind of mistake: Jackson's message matches {@code pattern}; {@code words} say it. */
    private record Kind(Pattern pattern, String words) {
        static Kind of(String regex, String words) {
            return new Kind(Pattern.compile(regex), words);
        }
    }

    /** In $1 the token or character that Jackson quotes, when there is one. */
    private static final List<Kind> KINDS = List.of(
            Kind.of("Non-standard token '([^']*)'",
                    "found $1: JSON numbers are finite, with no NaN or Infinity"),
            Kind.of("Unrecognized token '([^']*)'", "expected a JSON value but found $1"),
            Kind.of("double-quote to start (?:property|field) name",
                    "expected a property name in double quotes"),
            Kind.of("comma to separate Array entries", "expected , or ] after an array element"),
            Kind.of("comma to separate Object entries", "expected , or } after a property"),
            Kind.of("colon to separate", "expected : after a property name"),
            Kind.of("expected a (?:valid )?value", "expected a JSON value"),
            Kind.of("closing quote", "the string is not closed: a \" is missing"),
            Kind.of("close marker for Array", "the array is not closed: a ] is missing"),
            Kind.of("close marker for Object", "the object is not closed: a } is missing"),
            Kind.of("Unexpected close marker '(.)'", "found $1 with nothing open to close"),
            Kind.of("Duplicate Object property \"(.*)\"", "property \"$1\" is given twice"),
            Kind.of("Leading zeroes", "a number may not start with 0 unless it is 0"),
            Kind.of("Illegal unquoted character", "a control character inside a string must be"
                    + " escaped, as \\n, \\t or \\u0000"),
            Kind.of("Unrecognized character escape '(.)'",
                    "\\$1 is no JSON escape; a backslash is written \\\\"),
            Kind.of("nesting depth", "nested deeper than " + String.format("%,d",
                    JsonText.MAX_NESTING) + " levels"),
            Kind.of("end-of-input", "the text ends before the value does"),
            Kind.of("[Nn]umeric value", "not a valid JSON number"));

    /** Jackson's quoting of the character it stopped at: ('x' (code 120)). */
    private static final Pattern UNEXPECTED = Pattern.compile("Unexpected character \\('(.*)'"
            + " \\(code \\d+\\)\\)");

    private JsonErrors() {
    }

    /**
     * What went wrong and where, such as {@code expected a JSON value (column 4)}.
     *
     * @param e Jackson's error
     * @param at where it went wrong
     * @param multiline whether the text has several lines, so that the line is named too
     */
    static String describe(JacksonException e, TokenStreamLocation at, boolean multiline) {
        return what(e.getOriginalMessage()) + where(at, multiline);
    }

    private static String what(String message) {
        String text = message == null ? "" : message;
        Matcher unexpected = UNEXPECTED.matcher(text);
        String found = unexpected.find() ? unexpected.group(1) : null;
        for (Kind kind : KINDS) {
            Matcher m = kind.pattern().matcher(text);
            if (m.find()) {
                return m.groupCount() > 0 ? kind.words().replace("$1", m.group(1))
                        : kind.words() + (found == null ? "" : " but found " + found);
            }
        }
        return found != null ? "unexpected " + found : "not JSON here";
    }

    /** Where in the text: {@code  (column 4)}, or {@code  (line 2, column 4)}. */
    static String where(TokenStreamLocation at, boolean multiline) {
        if (at == null || at.getColumnNr() < 1) {
            return "";
        }
        return multiline ? " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"
                : " (column " + at.getColumnNr() + ")";
    }
}
