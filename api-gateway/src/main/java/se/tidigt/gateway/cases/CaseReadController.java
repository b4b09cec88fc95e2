package se.tidigt.gateway.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.tidigt.personaldata.CaseTexts;
import se.tidigt.cases.api.Deadlines;
import se.tidigt.cases.api.identity.PersonalIdentityNumber;
import se.tidigt.cases.api.identity.Pseudonymiser;
import se.tidigt.audit.accesslog.LoggedRead;
import se.tidigt.platform.axon.Versions;
import se.tidigt.gateway.cases.CaseRequests.SearchRequest;
import se.tidigt.query.caseview.CaseView;
import se.tidigt.query.caseview.CaseViews;
import se.tidigt.query.caseview.WorklistItem;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** District users read their cases: one case, the list, a child's cases, the deadline worklist. */
@RestController
@Validated
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Cases")
@LoggedRead
class CaseReadController {
    private final CaseViews cases;
    private final DistrictAccess access;
    private final Pseudonymiser pseudonymiser;
    private final Clock clock;

    private final CaseTexts texts;

    CaseReadController(CaseViews cases, DistrictAccess access, Pseudonymiser pseudonymiser, Clock clock, CaseTexts texts) {
        this.texts = texts;
        this.cases = cases;
        this.access = access;
        this.pseudonymiser = pseudonymiser;
        this.clock = clock;
    }

    @Operation(summary = "The case now: district, work model, status, dates, offers and answers, version")
    @GetMapping("/cases/{caseId}")
    ResponseEntity<CaseView> get(@PathVariable String caseId) {
        CaseView view = texts.opened(access.requireCaseOfOwnDistrict(caseId));
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    @Operation(summary = "The district's cases, newest concern first, paged")
    @GetMapping("/districts/{district}/cases")
    CaseViews.CasePage list(@PathVariable String district, @RequestParam(required = false) CaseView.CaseStatus status,
                            @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
                            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        access.requireOwnDistrict(district);
        CaseViews.CasePage found = cases.list(district, status, page, size);
        found.cases().forEach(texts::opened);
        return found;
    }

    @Operation(summary = "The district's cases for a child, found by personal identity number (a POST, so the "
            + "number is in no URL or access log)")
    @PostMapping(path = "/districts/{district}/cases/search", consumes = MediaType.APPLICATION_JSON_VALUE)
    List<CaseView> search(@PathVariable String district, @Valid @RequestBody SearchRequest body) {
        access.requireOwnDistrict(district);
        String pseudonym = pseudonymiser.pseudonymOf(PersonalIdentityNumber.parse(body.personalIdentityNumber()));
        return cases.findByChild(district, pseudonym).stream().map(texts::opened).toList();
    }

    @Operation(summary = "Open cases with what is due next, its due date, and whether it is overdue")
    @GetMapping("/districts/{district}/deadlines")
    List<WorklistItem> deadlines(@PathVariable String district) {
        access.requireOwnDistrict(district);
        return cases.deadlines(district, LocalDate.ofInstant(clock.instant(), Deadlines.ZONE));
    }
}
