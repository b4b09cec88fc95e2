package se.tidigt.gateway.cases;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import se.tidigt.gateway.writes.WriteAnswers;
import se.tidigt.platform.idempotency.WriteRequest;

import se.tidigt.cases.api.Deadlines;
import se.tidigt.cases.api.DecisionKind;
import se.tidigt.cases.api.DelegationOrder;
import se.tidigt.cases.api.ProposeDecision;
import se.tidigt.cases.api.ProposedCommand;
import se.tidigt.platform.actor.Actor;
import se.tidigt.platform.actor.CurrentActor;
import se.tidigt.gateway.security.DistrictScope;

import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Writes to cases: the district check first, then the common write path. A decision the district's delegation
 * does not let the user take alone is stored as a proposal instead (202), for a supervisor or above to decide.
 */
@Component
class CaseWrites {
    private final WriteAnswers writes;
    private final DistrictAccess access;
    private final DistrictScope scope;
    private final DelegationOrder delegation;
    private final Clock clock;

    CaseWrites(WriteAnswers writes, DistrictAccess access, DistrictScope scope, DelegationOrder delegation, Clock clock) {
        this.writes = writes;
        this.access = access;
        this.scope = scope;
        this.delegation = delegation;
        this.clock = clock;
    }

    /**
     * A decision of the given kind: taken at once by a user the delegation in force today lets decide it
     * alone (as {@link #onCase} would), else proposed with the whole command: 202 {@code {caseId, proposalId, version}}.
     */
    ResponseEntity<Object> decision(String caseId, DecisionKind kind, WriteRequest request, HttpStatus status,
                                    Function<Long, Object> command, BiFunction<String, Long, Object> answer) {
        access.requireWritableCase(caseId);
        Actor actor = CurrentActor.get();
        String district = scope.districtOfCase(caseId).orElseThrow();
        if (actor.role().rank().atLeast(delegation.lowestToDecide(district, kind, Deadlines.localDate(clock.instant())))) {
            return writes.write(request, caseId, status, null, command, answer);
        }
        String proposalId = UUID.randomUUID().toString();
        return writes.write(request, caseId, HttpStatus.ACCEPTED, null,
                version -> new ProposeDecision(caseId, proposalId, ProposedCommand.of(command.apply(null)), actor.userId(), version),
                (id, version) -> new ProposalMade(id, proposalId, version));
    }

    ResponseEntity<Object> decision(String caseId, DecisionKind kind, WriteRequest request, Function<Long, Object> command) {
        return decision(caseId, kind, request, HttpStatus.OK, command, CaseWritten::new);
    }

    /** A write to an existing case: 200 with the new version. */
    ResponseEntity<Object> onCase(String caseId, WriteRequest request, Function<Long, Object> command) {
        return onCase(caseId, request, HttpStatus.OK, command, CaseWritten::new);
    }

    ResponseEntity<Object> onCase(String caseId, WriteRequest request, HttpStatus status, Function<Long, Object> command,
                                  BiFunction<String, Long, Object> answer) {
        access.requireWritableCase(caseId);
        return writes.write(request, caseId, status, null, command, answer);
    }

    /** A new case: 201 with its location. */
    ResponseEntity<Object> raise(String caseId, WriteRequest request, Object command) {
        return writes.write(request, caseId, HttpStatus.CREATED, URI.create("/api/v1/cases/" + caseId), v -> command,
                CaseWritten::new);
    }

    record CaseWritten(String caseId, long version) {
    }

    record OfferMade(String caseId, String offerId, long version) {
    }

    record PlacementMade(String caseId, String placementId, long version) {
    }

    record ProposalMade(String caseId, String proposalId, long version) {
    }
}
