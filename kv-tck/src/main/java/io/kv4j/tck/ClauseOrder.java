package io.kv4j.tck;

import java.util.Comparator;
import org.junit.jupiter.api.MethodDescriptor;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.MethodOrdererContext;

/** Runs a chapter's tests in clause order (KV-1.2 before KV-1.10), then by name. */
final class ClauseOrder implements MethodOrderer {

    /** Creates the orderer; JUnit calls this. */
    ClauseOrder() {
    }

    @Override
    public void orderMethods(MethodOrdererContext context) {
        context.getMethodDescriptors().sort(Comparator
                .comparing((MethodDescriptor m) -> ClauseId.parse(clauseOf(m)))
                .thenComparing(m -> m.getMethod().getName()));
    }

    private static String clauseOf(MethodDescriptor m) {
        return m.findAnnotation(Clause.class).map(Clause::value).orElse("KV-0.0");
    }
}
