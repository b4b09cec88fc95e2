package se.tidigt.gateway.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import se.tidigt.cases.api.ClosureReason;
import se.tidigt.cases.api.CollaborationKind;
import se.tidigt.cases.api.CollaborationPartner;
import se.tidigt.cases.api.ConcernKind;
import se.tidigt.cases.api.ConsentBy;
import se.tidigt.cases.api.DeclineReason;
import se.tidigt.cases.api.InitialAssessmentDecision;
import se.tidigt.cases.api.InterventionEndOutcome;
import se.tidigt.cases.api.InterventionType;
import se.tidigt.cases.api.InvestigationOutcome;
import se.tidigt.cases.api.PlacementKind;
import se.tidigt.cases.api.ReporterCategory;
import se.tidigt.cases.api.WorkerFunction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** The bodies district systems send, named as the REST contract (the OpenAPI document) names them; mapped to commands in {@link CaseCommands}. */
final class CaseRequests {
    private CaseRequests() {
    }

    record RaiseConcernRequest(@NotNull Instant receivedAt, @NotNull ReporterCategory reporter,
                               @NotEmpty Set<@NotNull ConcernKind> concerns, @NotNull @Valid ChildRequest child,
                               @Size(min = 1, max = 64) String workModel) {
    }

    /** The child's personal identity number; it is pseudonymised at once and never stored or logged. */
    record ChildRequest(@NotBlank @Size(max = 20) String personalIdentityNumber) {
        @Override
        public String toString() {
            return "ChildRequest[personalIdentityNumber=redacted]";
        }
    }

    record ProtectionAssessmentRequest(@NotNull Instant assessedAt, @NotNull Boolean immediateProtectionNeeded) {
    }

    record InitialAssessmentRequest(@NotNull Instant completedAt, @NotNull InitialAssessmentDecision decision) {
    }

    record InvestigationRequest(@NotNull Instant openedAt) {
    }

    /** {@code extendedAt} defaults to now: the decision to extend is taken when it is recorded. */
    /** The reason is free text about a family: sealed before it is stored, and never logged. */
    record ExtensionRequest(@NotNull LocalDate newDueDate, @NotBlank @Size(max = 2000) String reason, Instant extendedAt) {
        @Override
        public String toString() {
            return "ExtensionRequest[newDueDate=" + newDueDate + ", reason=redacted, extendedAt=" + extendedAt + "]";
        }
    }

    record ConclusionRequest(@NotNull Instant concludedAt, @NotNull InvestigationOutcome outcome) {
    }

    record OfferRequest(@NotNull Instant offeredAt, @NotNull InterventionType interventionType) {
    }

    record ResponseRequest(@NotNull Instant respondedAt, @NotNull Boolean accepted, ConsentBy consentBy,
                           DeclineReason declineReason) {
    }

    record StartRequest(@NotBlank @Size(max = 64) String offerId, @NotNull Instant startedAt) {
    }

    record EndRequest(@NotNull Instant endedAt, @NotNull InterventionEndOutcome outcome) {
    }

    /** {@code compulsory}: care under LVU rather than with the family's consent. */
    record PlacementRequest(@NotNull Instant startedAt, @NotNull PlacementKind kind, @NotNull Boolean compulsory) {
    }

    record PlacementEndRequest(@NotNull Instant endedAt) {
    }

    record WorkerRequest(@NotBlank @Size(max = 64) String workerId, @NotNull WorkerFunction function,
                         @NotNull Instant assignedAt) {
    }

    record CollaborationRequest(@NotNull CollaborationPartner partner, @NotNull Instant occurredAt,
                                @NotNull CollaborationKind kind) {
    }

    record TransferRequest(@NotBlank @Size(max = 64) String toDistrict, @NotNull Instant transferredAt) {
    }

    record ClosureRequest(@NotNull Instant closedAt, @NotNull ClosureReason reason) {
    }

    record SearchRequest(@NotBlank @Size(max = 20) String personalIdentityNumber) {
        @Override
        public String toString() {
            return "SearchRequest[personalIdentityNumber=redacted]";
        }
    }
}
