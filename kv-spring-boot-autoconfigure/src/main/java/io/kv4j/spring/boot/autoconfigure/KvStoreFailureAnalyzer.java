package io.kv4j.spring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a store that could not open at startup into Spring Boot's short report of what went
 * wrong and what to change, instead of a chain of bean creation errors.
 */
final class KvStoreFailureAnalyzer extends AbstractFailureAnalyzer<KvStoreOpenException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, KvStoreOpenException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
