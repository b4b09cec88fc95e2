package se.tidigt.gateway.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.tidigt.audit.accesslog.AccessLog;
import se.tidigt.audit.chain.StreamChains;
import se.tidigt.audit.chain.CaseExports;
import se.tidigt.audit.history.CaseHistory;
import se.tidigt.audit.history.CaseStates;
import se.tidigt.audit.history.HistoryEntry;
import se.tidigt.platform.problem.ApiProblem;
import se.tidigt.platform.actor.CurrentActor;
import se.tidigt.query.caseview.CaseViewReplay.Basis;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** An auditor reads any case from the event store itself: its history, a past state, its chain, an export. */
@RestController
@Validated
@RequestMapping(path = "/api/v1/audit/cases/{caseId}", produces = {MediaType.APPLICATION_JSON_VALUE, AuditCsv.TEXT_CSV})
@Tag(name = "Audit", description = "Auditors only (403 for every other role); every call is itself access-logged")
class CaseAuditController {
    private final CaseHistory history;
    private final CaseStates states;
    private final StreamChains streams;
    private final CaseExports exports;
    private final AccessLog accessLog;

    CaseAuditController(CaseHistory history, CaseStates states, StreamChains streams, CaseExports exports,
                        AccessLog accessLog) {
        this.history = history;
        this.states = states;
        this.streams = streams;
        this.exports = exports;
        this.accessLog = accessLog;
    }

    @Operation(summary = "Every event of the case in order: sequence, type, occurredAt (business time), recordedAt, "
            + "actor (user, role, district), correlation id, payload and chain hash; with where the chain started. "
            + "Paged; CSV on Accept: text/csv. 404 for an unknown case.")
    @GetMapping("/history")
    ResponseEntity<Object> history(@PathVariable String caseId,
                                   @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
                                   @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size,
                                   @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        CaseHistory.HistoryPage answer = history.page(caseId, page, size);
        accessLog.record(List.of(caseId));
        if (!AuditCsv.wanted(accept)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
        }
        return AuditCsv.of(List.of("sequence", "type", "occurredAt", "recordedAt", "actorUser", "actorRole",
                "actorDistrict", "correlationId", "payload", "chainHash"), answer.events().stream().map(CaseAuditController::row).toList());
    }

    private static List<Object> row(HistoryEntry e) {
        return Arrays.asList(e.sequence(), e.type(), e.occurredAt(), e.recordedAt(), e.actor().user(),
                e.actor().role(), e.actor().district(), e.correlationId(), e.payload().toString(), e.chainHash());
    }

    @Operation(summary = "The case at a past instant: asOf = as the system knew it (events recorded up to then), "
            + "validAt = as it stood in the world (events whose business time is up to then). Exactly one of the two. "
            + "Names the events recorded late and those where the two views differ. Before the case existed: "
            + "existed=false and an empty state. 400 without exactly one instant; 404 for an unknown case.")
    @GetMapping(path = "/state", produces = MediaType.APPLICATION_JSON_VALUE)
    CaseStates.PastState state(@PathVariable String caseId,
                               @Parameter(description = "ISO-8601 instant, recording time")
                               @RequestParam(required = false) Instant asOf,
                               @Parameter(description = "ISO-8601 instant, business time")
                               @RequestParam(required = false) Instant validAt) {
        if ((asOf == null) == (validAt == null)) {
            throw ApiProblem.invalid(asOf == null ? "asOf" : "validAt", "give exactly one of asOf and validAt");
        }
        CaseStates.PastState state = asOf != null ? states.at(caseId, Basis.AS_OF, asOf)
                : states.at(caseId, Basis.VALID_AT, validAt);
        accessLog.record(List.of(caseId));
        return state;
    }

    @Operation(summary = "Recomputes the case's hash chain from what the database holds: {intact, events, "
            + "firstBrokenSequence, reason}. An edited byte, a deleted, swapped or inserted event and a rewritten "
            + "hash are each found, with the first sequence that is not genuine. 404 for an unknown case.")
    @GetMapping(path = "/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    StreamChains.CaseVerification verify(@PathVariable String caseId) {
        history.requireCase(caseId);
        StreamChains.CaseVerification verification = streams.verifyCase(caseId);
        accessLog.record(List.of(caseId));
        return verification;
    }

    @Operation(summary = "The case's history with its hash chain and the Merkle path to a daily digest, as a file "
            + "that VerifyExport checks offline. digestDate defaults to the latest final day. 400 for a day not yet "
            + "ended; 404 for an unknown case.")
    @GetMapping(path = "/export", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CaseExports.CaseExport> export(@PathVariable String caseId,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                      LocalDate digestDate) {
        CaseExports.CaseExport export = exports.export(caseId, digestDate, CurrentActor.get().userId());
        accessLog.record(List.of(caseId));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"case-" + caseId + "-export.json\"")
                .contentType(MediaType.APPLICATION_JSON).body(export);
    }
}
