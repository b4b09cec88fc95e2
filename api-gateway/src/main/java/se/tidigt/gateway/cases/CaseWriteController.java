package se.tidigt.gateway.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.tidigt.cases.api.DecisionKind;
import se.tidigt.gateway.cases.CaseRequests.*;
import se.tidigt.platform.idempotency.WriteRequest;
import se.tidigt.personaldata.CaseTexts;

import java.util.UUID;

/**
 * A district records its cases as they happen: every step of the lifecycle is one POST. The decisions under
 * the district's delegation (opening and extending an investigation, an offer, a transfer, the closure) answer
 * 202 with a proposal when the user may not take them alone.
 */
@RestController
@RequestMapping(path = "/api/v1", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Cases", description = "District users record a child's case, step by step")
class CaseWriteController {
    private final CaseWrites writes;
    private final ConcernIntake intake;
    private final CaseTexts texts;

    CaseWriteController(CaseWrites writes, ConcernIntake intake, CaseTexts texts) {
        this.writes = writes;
        this.intake = intake;
        this.texts = texts;
    }

    @Operation(summary = "Raise a concern (orosanmälan): opens a case")
    @PostMapping("/districts/{district}/cases")
    ResponseEntity<Object> raise(@PathVariable String district, @Valid @RequestBody RaiseConcernRequest body,
                                 HttpServletRequest http) {
        return intake.raise(district, body, WriteRequest.of(http, body));
    }

    @Operation(summary = "Record the immediate protection assessment (skyddsbedömning)")
    @PostMapping("/cases/{caseId}/protection-assessment")
    ResponseEntity<Object> assessProtection(@PathVariable String caseId, @Valid @RequestBody ProtectionAssessmentRequest body,
                                            HttpServletRequest http) {
        return writes.onCase(caseId, WriteRequest.of(http, body), CaseCommands.of(caseId, body));
    }

    @Operation(summary = "Complete the initial assessment (förhandsbedömning)")
    @PostMapping("/cases/{caseId}/initial-assessment")
    ResponseEntity<Object> completeInitialAssessment(@PathVariable String caseId,
                                                     @Valid @RequestBody InitialAssessmentRequest body, HttpServletRequest http) {
        return writes.onCase(caseId, WriteRequest.of(http, body), CaseCommands.of(caseId, body));
    }

    @Operation(summary = "Open the investigation (utredning); 202 with a proposalId where the district's delegation has a higher role decide it")
    @PostMapping("/cases/{caseId}/investigation")
    ResponseEntity<Object> openInvestigation(@PathVariable String caseId, @Valid @RequestBody InvestigationRequest body,
                                             HttpServletRequest http) {
        return writes.decision(caseId, DecisionKind.OPEN_INVESTIGATION, WriteRequest.of(http, body), CaseCommands.of(caseId, body));
    }

    @Operation(summary = "Extend the investigation for a special reason; 202 with a proposalId where the district's delegation has a higher role decide it")
    @PostMapping("/cases/{caseId}/investigation/extension")
    ResponseEntity<Object> extendInvestigation(@PathVariable String caseId, @Valid @RequestBody ExtensionRequest body,
                                               HttpServletRequest http) {
        return writes.decision(caseId, DecisionKind.EXTEND_INVESTIGATION, WriteRequest.of(http, body),
                CaseCommands.of(caseId, body, texts));
    }

    @Operation(summary = "Conclude the investigation")
    @PostMapping("/cases/{caseId}/investigation/conclusion")
    ResponseEntity<Object> concludeInvestigation(@PathVariable String caseId, @Valid @RequestBody ConclusionRequest body,
                                                 HttpServletRequest http) {
        return writes.onCase(caseId, WriteRequest.of(http, body), CaseCommands.of(caseId, body));
    }

    @Operation(summary = "Offer the family an intervention; 202 with a proposalId where the district's delegation has a higher role decide it")
    @PostMapping("/cases/{caseId}/offers")
    ResponseEntity<Object> offer(@PathVariable String caseId, @Valid @RequestBody OfferRequest body, HttpServletRequest http) {
        String offerId = UUID.randomUUID().toString();
        return writes.decision(caseId, DecisionKind.OFFER_INTERVENTION, WriteRequest.of(http, body), HttpStatus.CREATED,
                CaseCommands.of(caseId, offerId, body),
                (id, version) -> new CaseWrites.OfferMade(id, offerId, version));
    }

    @Operation(summary = "Record the family's answer to an offer")
    @PostMapping("/cases/{caseId}/offers/{offerId}/response")
    ResponseEntity<Object> respond(@PathVariable String caseId, @PathVariable String offerId,
                                   @Valid @RequestBody ResponseRequest body, HttpServletRequest http) {
        return writes.onCase(caseId, WriteRequest.of(http, body), CaseCommands.of(caseId, offerId, body));
    }

    @Operation(summary = "Start an accepted intervention")
    @PostMapping("/cases/{caseId}/interventions")
    ResponseEntity<Object> start(@PathVariable String caseId, @Valid @RequestBody StartRequest body, HttpServletRequest http) {
        return writes.onCase(caseId, WriteRequest.of(http, body), CaseCommands.of(caseId, body));
    }

    @Operation(summary = "End a running intervention")
    @PostMapping("/cases/{caseId}/interventions/{offerId}/end")
    ResponseEntity<Object> end(@PathVariable String caseId, @PathVariable String offerId, @Valid @RequestBody EndRequest body,
                               HttpServletRequest http) {
        return writes.onCase(caseId, WriteRequest.of(http, body), CaseCommands.of(caseId, offerId, body));
    }

    @Operation(summary = "Record that the child was placed out of home (HVB, family home, supported housing; compulsory: under LVU)")
    @PostMapping("/cases/{caseId}/placements")
    ResponseEntity<Object> place(@PathVariable String caseId, @Valid @RequestBody PlacementRequest body, HttpServletRequest http) {
        String placementId = UUID.randomUUID().toString();
        return writes.onCase(caseId, WriteRequest.of(http, body), HttpStatus.CREATED,
                CaseCommands.of(caseId, placementId, body),
                (id, version) -> new CaseWrites.PlacementMade(id, placementId, version));
    }

    @Operation(summary = "End an out-of-home placement")
    @PostMapping("/cases/{caseId}/placements/{placementId}/end")
    ResponseEntity<Object> endPlacement(@PathVariable String caseId, @PathVariable String placementId,
                                        @Valid @RequestBody PlacementEndRequest body, HttpServletRequest http) {
        return writes.onCase(caseId, WriteRequest.of(http, body), CaseCommands.of(caseId, placementId, body));
    }

    @Operation(summary = "Assign a social worker in a function")
    @PostMapping("/cases/{caseId}/workers")
    ResponseEntity<Object> assignWorker(@PathVariable String caseId, @Valid @RequestBody WorkerRequest body,
                                        HttpServletRequest http) {
        return writes.onCase(caseId, WriteRequest.of(http, body), CaseCommands.of(caseId, body));
    }

    @Operation(summary = "Record work with a partner (preschool, school, police...)")
    @PostMapping("/cases/{caseId}/collaborations")
    ResponseEntity<Object> collaborate(@PathVariable String caseId, @Valid @RequestBody CollaborationRequest body,
                                       HttpServletRequest http) {
        return writes.onCase(caseId, WriteRequest.of(http, body), CaseCommands.of(caseId, body));
    }

    @Operation(summary = "Transfer the case to the district the family moved to; 202 with a proposalId where the district's delegation has a higher role decide it")
    @PostMapping("/cases/{caseId}/transfer")
    ResponseEntity<Object> transfer(@PathVariable String caseId, @Valid @RequestBody TransferRequest body,
                                    HttpServletRequest http) {
        return writes.decision(caseId, DecisionKind.TRANSFER_CASE, WriteRequest.of(http, body), CaseCommands.of(caseId, body));
    }

    @Operation(summary = "Close the case; 202 with a proposalId where the district's delegation has a higher role decide it")
    @PostMapping("/cases/{caseId}/closure")
    ResponseEntity<Object> close(@PathVariable String caseId, @Valid @RequestBody ClosureRequest body, HttpServletRequest http) {
        return writes.decision(caseId, DecisionKind.CLOSE_CASE, WriteRequest.of(http, body), CaseCommands.of(caseId, body));
    }
}
