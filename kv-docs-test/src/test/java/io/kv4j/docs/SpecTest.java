package io.kv4j.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/SPEC.md against itself. */
class SpecTest {

    private static final String SPEC = Docs.read("docs/SPEC.md");

    /**
     * What "Not in this version" leaves out is no call of the store that a clause specifies: a
     * bullet that names such a call ({@code store.functions()} as "functions") contradicts the
     * clause.
     */
    @Test
    void notInThisVersion_namesNoCallOfTheStoreThatAClauseSpecifies() {
        String notIn = Docs.section(SPEC, "## Not in this version");
        String clauses = SPEC.substring(0, SPEC.indexOf("\n## Not in this version"));
        TreeSet<String> specified = new TreeSet<>();
        Matcher call = Pattern.compile("`store\\.(\\w+)\\(").matcher(clauses);
        while (call.find()) {
            specified.add(call.group(1));
        }
        assertTrue(specified.contains("functions") && specified.contains("deleteAll"),
                specified.toString());
        List<String> contradictions = new ArrayList<>();
        for (String bullet : notIn.split("\n- ")) {
            for (String name : specified) {
                if (Pattern.compile("\\b" + name + "\\b").matcher(bullet).find()) {
                    contradictions.add(name + " in: " + bullet.strip());
                }
            }
        }
        assertFalse(!contradictions.isEmpty(), "SPEC.md's \"Not in this version\" names calls "
                + "that clauses specify: " + contradictions);
    }
}
