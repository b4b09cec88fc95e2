package se.tidigt.gateway.audit.accesslog;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;
import se.tidigt.gateway.CorrelationIds;
import se.tidigt.gateway.security.Actor;
import se.tidigt.gateway.security.CurrentActor;

import java.util.Collection;

/**
 * Appends to the access log, synchronously, before the answer is sent: a read that cannot be logged
 * fails (503 when the database is down) instead of being shown unlogged, and nothing is lost in a
 * queue when the process dies. The append is one INSERT in a transaction of its own, so the
 * database's chain lock (V110) is held for that insert only, never for the read itself.
 */
@Service
public class AccessLog {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    AccessLog(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Records that the current user, on the current request, read these cases (none for aggregate reads). */
    public void record(Collection<String> caseIds) {
        Actor actor = CurrentActor.get();
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String endpoint = request.getMethod() + " " + (pattern != null ? pattern : request.getRequestURI());
        String path = request.getRequestURI() + (request.getQueryString() != null ? "?" + request.getQueryString() : "");
        ownTransaction.executeWithoutResult(status -> jdbc.update(con -> {
            var insert = con.prepareStatement("INSERT INTO access_log (user_id, role, district, endpoint, path, case_ids, "
                    + "correlation_id) VALUES (?, ?, ?, ?, ?, ?, ?)");
            insert.setString(1, actor.userId());
            insert.setString(2, actor.role().name());
            insert.setString(3, actor.district());
            insert.setString(4, truncate(endpoint, 255));
            insert.setString(5, truncate(path, 2048));
            insert.setArray(6, con.createArrayOf("text", caseIds.stream().distinct().toArray()));
            insert.setString(7, CorrelationIds.current().orElse(null));
            return insert;
        }));
    }

    private static String truncate(String value, int length) {
        return value.length() <= length ? value : value.substring(0, length);
    }
}
