package se.tidigt.gateway.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.tidigt.cases.api.identity.PersonalIdentityNumber;
import se.tidigt.cases.api.identity.Pseudonymiser;
import se.tidigt.audit.accesslog.AccessLog;
import se.tidigt.query.caseview.CaseViews;

import java.time.Instant;
import java.util.List;

/**
 * An auditor finds a child's cases in any district by the child's identity number, sent in the body
 * (so it is in no URL and no access-log path); the answer names the cases only, and the read is
 * access-logged with the cases found.
 */
@RestController
@RequestMapping(path = "/api/v1/audit/cases", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit")
class CaseSearchController {
    private final CaseViews cases;
    private final Pseudonymiser pseudonymiser;
    private final AccessLog accessLog;

    CaseSearchController(CaseViews cases, Pseudonymiser pseudonymiser, AccessLog accessLog) {
        this.cases = cases;
        this.pseudonymiser = pseudonymiser;
        this.accessLog = accessLog;
    }

    record Search(@NotBlank @Size(max = 20) String personalIdentityNumber) {
    }

    record FoundCase(String caseId, String district, Instant receivedAt, String status) {
    }

    record Found(List<FoundCase> cases) {
    }

    @Operation(summary = "A child's cases in every district, found by personal identity number in the body: "
            + "{cases: [{caseId, district, receivedAt, status}]}. 400 for a malformed number.")
    @PostMapping(path = "/search", consumes = MediaType.APPLICATION_JSON_VALUE)
    Found search(@Valid @RequestBody Search body) {
        String pseudonym = pseudonymiser.pseudonymOf(PersonalIdentityNumber.parse(body.personalIdentityNumber()));
        List<FoundCase> found = cases.findByChild(pseudonym).stream()
                .map(c -> new FoundCase(c.caseId(), c.district(), c.receivedAt(), c.status() == null ? null : c.status().name()))
                .toList();
        accessLog.record(found.stream().map(FoundCase::caseId).toList());
        return new Found(found);
    }
}
