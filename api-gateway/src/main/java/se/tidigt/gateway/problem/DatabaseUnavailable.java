package se.tidigt.gateway.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import se.tidigt.platform.problem.DatabaseFailures;

import java.io.IOException;

/**
 * 503 when the database cannot be reached before a controller runs: the security chain reads a case's
 * district to authorise a request, and a failure there would otherwise be a bare 500. The controllers'
 * own failures are mapped by {@link ProblemDetailsAdvice}; both ask {@link DatabaseFailures} what a failure means.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DatabaseUnavailable extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);
    private final ProblemResponses problems;

    DatabaseUnavailable(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException e) {
            var database = DatabaseFailures.of(e);
            if (database.isEmpty() || response.isCommitted()) {
                throw e;
            }
            log.error("Database failure before a controller ran: {}", database.get().getTitle(), e);
            response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseFailures.RETRY_AFTER_SECONDS);
            problems.write(response, database.get());
        }
    }
}
