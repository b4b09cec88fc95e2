package se.tidigt.platform.problem;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * What a failure of the database means for the client: 503 with {@code Retry-After}, and an honest
 * account of what was stored. A failure while committing (or rolling back) leaves the outcome
 * unknown — the commit may have reached the disk before the connection died — so the answer says
 * to retry with the same Idempotency-Key, which replays the first answer if it was stored. A
 * failure before the commit stored nothing.
 */
public final class DatabaseFailures {
    /** Seconds a client should wait before retrying. */
    public static final String RETRY_AFTER_SECONDS = "5";

    private DatabaseFailures() {
    }

    /** Raised when committing failed: the transaction may or may not have been stored. */
    public static class CommitOutcomeUnknown extends TransactionSystemException {
        public CommitOutcomeUnknown(Throwable cause) {
            super("Committing the transaction failed; its outcome is unknown", cause);
        }
    }

    public static Optional<ProblemDetail> of(Throwable e) {
        if (chainHas(e, CommitOutcomeUnknown.class) || chainHas(e, TransactionSystemException.class)) {
            return Optional.of(unknownOutcome());
        }
        if (isUnavailable(e)) {
            return Optional.of(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Database unavailable",
                    "The database cannot be reached just now; nothing was stored. Try again in a few seconds."));
        }
        return Optional.empty();
    }

    public static ProblemDetail unknownOutcome() {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "outcome-unknown", "Outcome unknown",
                "The database failed while storing this write, so it may or may not have been stored. Retry with "
                        + "the same Idempotency-Key: if it was stored you get the first answer again, else it is "
                        + "stored now. Without a key, read the resource before writing again.");
    }

    /** Adds {@code Retry-After} to a 503. */
    public static void addRetryAfter(ProblemDetail problem, HttpHeaders headers) {
        if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
    }

    private static boolean isUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException || t instanceof QueryTimeoutException
                    || t instanceof TransientDataAccessResourceException || t instanceof SQLTransientConnectionException) {
                return true;
            }
            // 08: connection exception; 57P01..03: the server is shutting down or not yet accepting; 57014: a statement timed out
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")
                    || sql.getSQLState().equals("57014"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static boolean chainHas(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
