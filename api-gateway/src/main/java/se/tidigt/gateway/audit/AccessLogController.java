package se.tidigt.gateway.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.tidigt.cases.api.Deadlines;
import se.tidigt.audit.accesslog.AccessLog;
import se.tidigt.audit.accesslog.AccessLogChain;
import se.tidigt.audit.accesslog.AccessLogEntry;
import se.tidigt.audit.accesslog.AccessLogSearch;
import se.tidigt.audit.signed.Checkpoints;
import se.tidigt.platform.problem.ApiProblem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/** The access log for the auditors' regular review, and its own chain's verification. */
@RestController
@Validated
@RequestMapping(path = "/api/v1/audit/access-log", produces = {MediaType.APPLICATION_JSON_VALUE, AuditCsv.TEXT_CSV})
@Tag(name = "Audit")
class AccessLogController {
    private final AccessLogSearch search;
    private final AccessLogChain chain;
    private final AccessLog accessLog;
    private final Checkpoints checkpoints;

    AccessLogController(AccessLogSearch search, AccessLogChain chain, AccessLog accessLog, Checkpoints checkpoints) {
        this.checkpoints = checkpoints;
        this.search = search;
        this.chain = chain;
        this.accessLog = accessLog;
    }

    @Operation(summary = "Who read which case data, when, through which endpoint, newest first; filtered by case, user "
            + "and time (from inclusive, to exclusive; an instant or a Europe/Stockholm date). Paged; CSV on "
            + "Accept: text/csv. 400 for a bad filter or page.")
    @GetMapping
    ResponseEntity<Object> list(@RequestParam(required = false) String caseId, @RequestParam(required = false) String user,
                                @Parameter(description = "ISO-8601 instant or YYYY-MM-DD") @RequestParam(required = false) String from,
                                @Parameter(description = "ISO-8601 instant or YYYY-MM-DD") @RequestParam(required = false) String to,
                                @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
                                @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
                                @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        AccessLogSearch.Filter filter = new AccessLogSearch.Filter(blankToNull(caseId), blankToNull(user),
                instant("from", from), instant("to", to));
        AccessLogSearch.Page answer = search.search(filter, page, size);
        accessLog.record(List.of());
        if (!AuditCsv.wanted(accept)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
        }
        return AuditCsv.of(List.of("position", "readAt", "user", "role", "district", "endpoint", "path", "caseIds",
                "correlationId", "entryHash"), answer.entries().stream().map(AccessLogController::row).toList());
    }

    private static List<Object> row(AccessLogEntry e) {
        return Arrays.asList(e.position(), e.readAt(), e.user(), e.role(), e.district(), e.endpoint(), e.path(),
                String.join(" ", e.caseIds()), e.correlationId(), e.entryHash());
    }

    @Operation(summary = "Recomputes the access log's hash chain and compares it with the latest signed checkpoint "
            + "(a log cut short or rewritten since is found): {intact, entries, firstBrokenPosition, reason}")
    @GetMapping(path = "/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    AccessLogChain.Verification verify() {
        Checkpoints.Record signed = checkpoints.record();
        AccessLogChain.Verification verification = chain.verify(signed.accessLog() == null ? null
                : new AccessLogChain.Expected(signed.accessLog().at(), signed.accessLog().link(), "checkpoint "
                + signed.accessLog().checkpoint() + " (signed, taken at " + signed.accessLog().takenAt() + ")"));
        if (verification.intact() && !signed.problems().isEmpty()) {
            verification = new AccessLogChain.Verification(false, verification.entries(), null,
                    "the signed checkpoints cannot vouch for the log: " + String.join("; ", signed.problems()));
        }
        accessLog.record(List.of());
        return verification;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** An instant, or a date meaning the start of that Europe/Stockholm day. */
    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(Deadlines.ZONE).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid(field, "must be an ISO-8601 instant or a date YYYY-MM-DD");
        }
    }
}
