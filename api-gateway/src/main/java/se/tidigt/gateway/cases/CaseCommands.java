package se.tidigt.gateway.cases;

import se.tidigt.cases.api.AssessProtectionNeed;
import se.tidigt.cases.api.AssignWorker;
import se.tidigt.cases.api.CloseCase;
import se.tidigt.cases.api.CompleteInitialAssessment;
import se.tidigt.cases.api.ConcludeInvestigation;
import se.tidigt.cases.api.EndIntervention;
import se.tidigt.cases.api.EndPlacement;
import se.tidigt.cases.api.ExtendInvestigation;
import se.tidigt.cases.api.OfferIntervention;
import se.tidigt.cases.api.OpenInvestigation;
import se.tidigt.cases.api.RecordCollaboration;
import se.tidigt.cases.api.RecordFamilyResponse;
import se.tidigt.cases.api.StartIntervention;
import se.tidigt.cases.api.StartPlacement;
import se.tidigt.cases.api.TransferCase;
import se.tidigt.gateway.cases.CaseRequests.*;
import se.tidigt.personaldata.CaseTexts;

import java.time.Instant;
import java.util.function.Function;

/**
 * Maps each request body to its command, given the expected version (from If-Match, or null).
 * The REST endpoints and the NDJSON import share it.
 */
final class CaseCommands {
    private CaseCommands() {
    }

    static Function<Long, Object> of(String caseId, ProtectionAssessmentRequest b) {
        return v -> new AssessProtectionNeed(caseId, b.assessedAt(), b.immediateProtectionNeeded(), v);
    }

    static Function<Long, Object> of(String caseId, InitialAssessmentRequest b) {
        return v -> new CompleteInitialAssessment(caseId, b.completedAt(), b.decision(), v);
    }

    static Function<Long, Object> of(String caseId, InvestigationRequest b) {
        return v -> new OpenInvestigation(caseId, b.openedAt(), v);
    }

    /**
     * {@code extendedAt} defaults to now: the decision to extend is taken when it is recorded. The reason
     * is sealed with the case's key inside the write's transaction, after the district check.
     */
    static Function<Long, Object> of(String caseId, ExtensionRequest b, CaseTexts texts) {
        Instant extendedAt = b.extendedAt() != null ? b.extendedAt() : Instant.now();
        return v -> new ExtendInvestigation(caseId, extendedAt, b.newDueDate(), texts.seal(caseId, b.reason()), v);
    }

    static Function<Long, Object> of(String caseId, ConclusionRequest b) {
        return v -> new ConcludeInvestigation(caseId, b.concludedAt(), b.outcome(), v);
    }

    static Function<Long, Object> of(String caseId, String offerId, OfferRequest b) {
        return v -> new OfferIntervention(caseId, offerId, b.offeredAt(), b.interventionType(), v);
    }

    static Function<Long, Object> of(String caseId, String offerId, ResponseRequest b) {
        return v -> new RecordFamilyResponse(caseId, offerId, b.respondedAt(), b.accepted(), b.consentBy(),
                b.declineReason(), v);
    }

    static Function<Long, Object> of(String caseId, StartRequest b) {
        return v -> new StartIntervention(caseId, b.offerId(), b.startedAt(), v);
    }

    static Function<Long, Object> of(String caseId, String offerId, EndRequest b) {
        return v -> new EndIntervention(caseId, offerId, b.endedAt(), b.outcome(), v);
    }

    static Function<Long, Object> of(String caseId, String placementId, PlacementRequest b) {
        return v -> new StartPlacement(caseId, placementId, b.startedAt(), b.kind(), b.compulsory(), v);
    }

    static Function<Long, Object> of(String caseId, String placementId, PlacementEndRequest b) {
        return v -> new EndPlacement(caseId, placementId, b.endedAt(), v);
    }

    static Function<Long, Object> of(String caseId, WorkerRequest b) {
        return v -> new AssignWorker(caseId, b.workerId(), b.function(), b.assignedAt(), v);
    }

    static Function<Long, Object> of(String caseId, CollaborationRequest b) {
        return v -> new RecordCollaboration(caseId, b.partner(), b.kind(), b.occurredAt(), v);
    }

    static Function<Long, Object> of(String caseId, TransferRequest b) {
        return v -> new TransferCase(caseId, b.toDistrict(), b.transferredAt(), v);
    }

    static Function<Long, Object> of(String caseId, ClosureRequest b) {
        return v -> new CloseCase(caseId, b.closedAt(), b.reason(), v);
    }
}
