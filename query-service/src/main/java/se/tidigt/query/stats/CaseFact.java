package se.tidigt.query.stats;

import se.tidigt.cases.api.Child;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One case as the statistics see it: where and when it began, and when each step happened. */
public record CaseFact(String caseId, String district, String currentDistrict, String workModel, Set<String> concerns,
                       String child, YearMonth birthMonth, Instant receivedAt, Instant protectionAssessedAt,
                       Instant initialAssessedAt, String initialDecision, Instant investigationOpenedAt,
                       LocalDate investigationDue, Instant investigationConcludedAt, String investigationOutcome,
                       Instant closedAt, int workers, List<OfferFact> offers, Map<String, Integer> collaborations,
                       List<PlacementFact> placements) {

    /** A case without out-of-home placements. */
    public CaseFact(String caseId, String district, String currentDistrict, String workModel, Set<String> concerns,
                    String child, YearMonth birthMonth, Instant receivedAt, Instant protectionAssessedAt,
                    Instant initialAssessedAt, String initialDecision, Instant investigationOpenedAt,
                    LocalDate investigationDue, Instant investigationConcludedAt, String investigationOutcome,
                    Instant closedAt, int workers, List<OfferFact> offers, Map<String, Integer> collaborations) {
        this(caseId, district, currentDistrict, workModel, concerns, child, birthMonth, receivedAt, protectionAssessedAt,
                initialAssessedAt, initialDecision, investigationOpenedAt, investigationDue, investigationConcludedAt,
                investigationOutcome, closedAt, workers, offers, collaborations, List.of());
    }

    public record OfferFact(String offerId, Instant offeredAt, String answer, Instant answeredAt, Instant startedAt,
                            Instant endedAt) {
    }

    /** An out-of-home placement ({@code kind} a PlacementKind name); {@code endedAt} null while it runs. */
    public record PlacementFact(String placementId, String kind, boolean compulsory, Instant startedAt, Instant endedAt) {
    }

    /** The start of the case's first out-of-home placement, or null. */
    public Instant firstPlacementStart() {
        return placements.stream().map(PlacementFact::startedAt).min(Instant::compareTo).orElse(null);
    }

    public YearMonth concernMonth() {
        return YearMonth.from(receivedAt.atZone(Stats.ZONE));
    }

    /** The child's age on a day, counted as the case domain counts it (never overstated). */
    public int ageOn(Instant at) {
        return new Child(child, birthMonth, false).ageInYearsOn(Stats.date(at));
    }

    public Instant firstOffer() {
        return offers.stream().map(OfferFact::offeredAt).min(Instant::compareTo).orElse(null);
    }

    public Instant firstInterventionStart() {
        return offers.stream().map(OfferFact::startedAt).filter(java.util.Objects::nonNull).min(Instant::compareTo).orElse(null);
    }
}
