package se.tidigt.platform.projections;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import se.tidigt.cases.api.CaseEvent;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Test-only handlers in the real processing groups that fail for the cases a test names. */
final class HandlersMadeToFail {
    /** Cases whose events the statistics handler refuses with an exception. */
    static final Set<String> THROW_FOR = ConcurrentHashMap.newKeySet();
    /** Cases whose events make the statistics handler run SQL PostgreSQL refuses (the transaction is then aborted). */
    static final Set<String> BAD_SQL_FOR = ConcurrentHashMap.newKeySet();
    /** Cases whose events the case-view handler refuses. */
    static final Set<String> CASE_VIEW_FAILS_FOR = ConcurrentHashMap.newKeySet();

    private HandlersMadeToFail() {
    }

    @ProcessingGroup("case-statistics")
    static class Statistics {
        private final JdbcTemplate jdbc;

        Statistics(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @EventHandler
        void on(CaseEvent event) {
            if (THROW_FOR.contains(event.caseId())) {
                throw new IllegalStateException("made to fail for " + event.caseId());
            }
            if (BAD_SQL_FOR.contains(event.caseId())) {
                jdbc.queryForObject("SELECT DATE '-5000-01-01'", String.class);
            }
        }
    }

    @ProcessingGroup("case-view")
    static class CaseView {
        @EventHandler
        void on(CaseEvent event) {
            if (CASE_VIEW_FAILS_FOR.contains(event.caseId())) {
                throw new IllegalStateException("case view made to fail for " + event.caseId());
            }
        }
    }
}
