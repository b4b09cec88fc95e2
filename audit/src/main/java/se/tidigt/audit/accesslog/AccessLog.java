package se.tidigt.audit.accesslog;

import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;
import se.tidigt.platform.correlation.CorrelationIds;
import se.tidigt.platform.problem.ApiProblem;
import se.tidigt.platform.problem.Problems;
import se.tidigt.platform.actor.Actor;
import se.tidigt.platform.actor.CurrentActor;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Appends to the access log before the answer is sent: {@link #record} returns only once the entry
 * is committed, and a read that cannot be logged fails (503) instead of being shown unlogged.
 * Entries of concurrent reads are committed together ({@link AccessLogAppender}, group commit), so
 * the database's chain lock (V110) is taken once per batch instead of once per read; with
 * {@code tidigt.access-log.group-commit=false} each read appends in a transaction of its own, as
 * before (kept to measure against).
 */
@Service
public class AccessLog {
    private final AccessLogWriter writer;
    private final TransactionTemplate ownTransaction;
    private final AccessLogAppender appender;

    AccessLog(JdbcTemplate jdbc, PlatformTransactionManager transactions,
              @Value("${tidigt.access-log.group-commit:true}") boolean groupCommit,
              @Value("${tidigt.access-log.queue-capacity:4096}") int capacity,
              @Value("${tidigt.access-log.wait:10s}") Duration wait) {
        this.writer = new AccessLogWriter(jdbc);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.appender = groupCommit ? new AccessLogAppender(writer, transactions, capacity, wait) : null;
    }

    /** Records that the current user, on the current request, read these cases (none for aggregate reads). */
    public void record(Collection<String> caseIds) {
        AccessLogWriter.Entry entry = entryFor(caseIds);
        if (appender == null) {
            ownTransaction.executeWithoutResult(status -> writer.insert(List.of(entry)));
            return;
        }
        try {
            appender.append(entry);
        } catch (AccessLogAppender.NotAppended e) {
            throw unavailable(e);
        }
    }

    /**
     * Built on the request's thread: the actor, request and correlation id are thread-bound. Checked here,
     * before it joins a group commit, against what the table holds: an entry the database would refuse
     * would fail the whole batch, other readers' entries with it. Such a read is refused on its own.
     */
    private static AccessLogWriter.Entry entryFor(Collection<String> caseIds) {
        Actor actor = CurrentActor.get();
        if (actor.userId() == null || actor.userId().isBlank() || actor.userId().length() > 255 || actor.role() == null
                || (actor.district() != null && actor.district().length() > 64)) {
            throw new ApiProblem(Problems.of(HttpStatus.FORBIDDEN, "reader-not-recordable", "Reader cannot be recorded",
                    "Every read is recorded with who made it; this sign-in names no user (or one the access log cannot hold),"
                            + " so nothing is shown."));
        }
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String endpoint = request.getMethod() + " " + (pattern != null ? pattern : request.getRequestURI());
        String path = request.getRequestURI() + (request.getQueryString() != null ? "?" + request.getQueryString() : "");
        return new AccessLogWriter.Entry(actor.userId(), actor.role().name(), actor.district(), truncate(endpoint, 255),
                truncate(path, 2048), caseIds.stream().distinct().toArray(), CorrelationIds.current().orElse(null));
    }

    /** 503 (with Retry-After, as every 503): the read is not shown, since it is not (known to be) logged. */
    private static ApiProblem unavailable(AccessLogAppender.NotAppended e) {
        // No cause attached: the appender has logged it, and a database cause would turn this into the
        // write path's wording ("outcome unknown ... Idempotency-Key"), which means nothing for a read.
        return new ApiProblem(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "access-log-unavailable",
                "Access log unavailable", e.queueFull
                        ? "Too many reads are waiting to be logged just now; this one was not shown. Try again in a few seconds."
                        : "This read could not be recorded in the access log, so it is not shown. Try again in a few seconds."));
    }

    /** Entries queued for the next batch (0 without group commit); for tests. */
    int waiting() {
        return appender == null ? 0 : appender.waiting();
    }

    private static String truncate(String value, int length) {
        return value.length() <= length ? value : value.substring(0, length);
    }

    /** Runs before the data source closes (this bean depends on it): entries waiting are written, not lost. */
    @PreDestroy
    void close() {
        if (appender != null) {
            appender.close();
        }
    }
}
