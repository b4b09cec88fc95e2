package se.tidigt.gateway.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * 503 when the database cannot be reached before a controller runs: the security chain reads a case's
 * district to authorise a request, and a failure there would otherwise be a bare 500. The controllers'
 * own failures are mapped by {@link ProblemDetailsAdvice} to the same problem.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DatabaseUnavailable extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);
    private final ProblemResponses problems;

    DatabaseUnavailable(ProblemResponses problems) {
        this.problems = problems;
    }

    static ProblemDetail problem() {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Database unavailable",
                "The database cannot be reached just now; nothing was stored. Try again later.");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException e) {
            if (!isDatabaseUnavailable(e) || response.isCommitted()) {
                throw e;
            }
            log.error("Database unavailable", e);
            problems.write(response, problem());
        }
    }

    private static boolean isDatabaseUnavailable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException || cause instanceof QueryTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
