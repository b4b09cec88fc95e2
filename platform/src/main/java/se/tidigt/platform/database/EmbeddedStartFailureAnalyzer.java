package se.tidigt.platform.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Spring Boot prints this instead of a stack trace of a hundred lines when the embedded PostgreSQL
 * does not start: the cause in one line, and what to do (registered in META-INF/spring.factories).
 */
class EmbeddedStartFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedPostgresServer.EmbeddedStartFailure> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedPostgresServer.EmbeddedStartFailure cause) {
        return new FailureAnalysis(cause.getMessage(), "To fix it: " + cause.fix + ".", null);
    }
}
