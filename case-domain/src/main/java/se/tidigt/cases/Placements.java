package se.tidigt.cases;

import se.tidigt.cases.api.CaseRuleViolation;
import se.tidigt.cases.api.InvalidCaseInput;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The child's out-of-home placements in this case. A child lives in one place at a time: a new placement
 * starts only when none runs, and not before the last one ended; each ends once, after it started.
 */
final class Placements {
    /** When each placement started and (null while it runs) ended. */
    private record Placement(Instant startedAt, Instant endedAt) {
    }

    private final Map<String, Placement> byId = new HashMap<>();
    /** The latest end of an ended placement: the next one cannot start before it. */
    private Instant lastEndedAt;

    void checkCanStart(String placementId, String field, Instant at) {
        Rules.require(placementId, "placementId");
        if (byId.containsKey(placementId)) {
            throw new CaseRuleViolation("placement-already-exists", "The case already has a placement " + placementId + ".");
        }
        if (byId.values().stream().anyMatch(p -> p.endedAt() == null)) {
            throw new CaseRuleViolation("placement-already-running",
                    "The child is already placed; end that placement before the next one starts.");
        }
        if (lastEndedAt != null && at.isBefore(lastEndedAt)) {
            throw new InvalidCaseInput(field, at + " lies before the previous placement ended (" + lastEndedAt + ")");
        }
    }

    /** The running placement's start; refused for an unknown or ended placement, or an end not after the start. */
    void checkCanEnd(String placementId, String field, Instant at) {
        Placement placement = byId.get(placementId);
        if (placement == null) {
            throw new CaseRuleViolation("unknown-placement", "The case has no placement " + placementId + ".");
        }
        if (placement.endedAt() != null) {
            throw new CaseRuleViolation("placement-already-ended", "Placement " + placementId + " has already ended.");
        }
        if (!at.isAfter(placement.startedAt())) {
            throw new InvalidCaseInput(field, at + " does not lie after the placement started (" + placement.startedAt() + ")");
        }
    }

    void started(String placementId, Instant at) {
        byId.put(placementId, new Placement(at, null));
    }

    void ended(String placementId, Instant at) {
        byId.computeIfPresent(placementId, (id, p) -> new Placement(p.startedAt(), at));
        lastEndedAt = lastEndedAt == null || at.isAfter(lastEndedAt) ? at : lastEndedAt;
    }

    // Value equality lets Axon's fixtures check that sourcing the events rebuilds the same state.
    @Override
    public boolean equals(Object other) {
        return other instanceof Placements that && byId.equals(that.byId) && Objects.equals(lastEndedAt, that.lastEndedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(byId, lastEndedAt);
    }
}
