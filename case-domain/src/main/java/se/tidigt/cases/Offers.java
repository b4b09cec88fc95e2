package se.tidigt.cases;

import se.tidigt.cases.api.CaseRuleViolation;
import se.tidigt.cases.api.InterventionType;

import java.util.HashMap;
import java.util.Map;

/** The offers a case has made; a case may make several. */
final class Offers {
    private final Map<String, Offer> byId = new HashMap<>();

    void checkNew(String offerId) {
        Rules.require(offerId, "offerId");
        if (byId.containsKey(offerId)) {
            throw new CaseRuleViolation("offer-already-exists", "The case already has an offer " + offerId + ".");
        }
    }

    void add(String offerId, InterventionType type, java.time.Instant offeredAt) {
        byId.put(offerId, new Offer(type, offeredAt));
    }

    Offer get(String offerId) {
        Offer offer = byId.get(offerId);
        if (offer == null) {
            throw new CaseRuleViolation("unknown-offer", "The case has no offer " + offerId + ".");
        }
        return offer;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Offers that && byId.equals(that.byId);
    }

    @Override
    public int hashCode() {
        return byId.hashCode();
    }

    /** One answer per offer. */
    Offer unanswered(String offerId) {
        Offer offer = get(offerId);
        if (offer.isAnswered()) {
            throw new CaseRuleViolation("offer-already-answered", "The family has already answered offer " + offerId + ".");
        }
        return offer;
    }
}
