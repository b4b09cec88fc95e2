package se.tidigt.audit.accesslog;

import java.time.Instant;
import java.util.List;

/** One read as the access log holds it. */
public record AccessLogEntry(long position, Instant readAt, String user, String role, String district, String endpoint,
                             String path, List<String> caseIds, String correlationId, String entryHash) {
}
