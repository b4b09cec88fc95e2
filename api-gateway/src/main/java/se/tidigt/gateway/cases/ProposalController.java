package se.tidigt.gateway.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.tidigt.cases.api.DecideProposal;
import se.tidigt.cases.api.Deadlines;
import se.tidigt.audit.accesslog.LoggedRead;
import se.tidigt.platform.idempotency.WriteRequest;
import se.tidigt.personaldata.CaseTexts;
import se.tidigt.platform.actor.Actor;
import se.tidigt.platform.actor.CurrentActor;
import se.tidigt.query.caseview.CaseViews;
import se.tidigt.query.caseview.Proposal;
import se.tidigt.query.caseview.ProposalItem;

import java.time.Clock;
import java.util.List;

/** Proposals under the district's delegation: the supervisors' worklist and their decision on each. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Proposals", description = "Decisions a worker proposed, decided by a supervisor or above")
class ProposalController {
    private final CaseWrites writes;
    private final CaseViews cases;
    private final DistrictAccess access;
    private final CaseTexts texts;
    private final Clock clock;

    ProposalController(CaseWrites writes, CaseViews cases, DistrictAccess access, CaseTexts texts, Clock clock) {
        this.writes = writes;
        this.cases = cases;
        this.access = access;
        this.texts = texts;
        this.clock = clock;
    }

    /** {@code reason}: why (required to reject); free text, sealed with the case's key before it is stored. */
    record DecisionRequest(@NotNull Boolean approved, @Size(min = 1, max = 2000) String reason) {
        @Override
        public String toString() {
            return "DecisionRequest[approved=" + approved + ", reason=redacted]";
        }
    }

    @Operation(summary = "The district's proposals in a status (PENDING by default), oldest first, with what is due on each case")
    @GetMapping("/districts/{district}/proposals")
    @LoggedRead
    List<ProposalItem> proposals(@PathVariable String district,
                                 @RequestParam(defaultValue = "PENDING") Proposal.Status status) {
        access.requireOwnDistrict(district);
        return cases.proposals(district, status, Deadlines.localDate(clock.instant())).stream()
                .map(item -> new ProposalItem(item.caseId(), item.workModel(), texts.opened(item.caseId(), item.proposal()),
                        item.daysWaiting(), item.due()))
                .toList();
    }

    @Operation(summary = "Approve or reject a proposal (a supervisor or above, never its proposer): approval records "
            + "the decided step itself")
    @PostMapping(path = "/cases/{caseId}/proposals/{proposalId}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> decide(@PathVariable String caseId, @PathVariable String proposalId,
                                  @Valid @RequestBody DecisionRequest body, HttpServletRequest http) {
        Actor actor = CurrentActor.get();
        return writes.onCase(caseId, WriteRequest.of(http, body), version -> new DecideProposal(caseId, proposalId,
                body.approved(), texts.seal(caseId, body.reason()), actor.userId(), actor.role().rank(), version));
    }
}
