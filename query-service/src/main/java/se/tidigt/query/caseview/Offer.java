package se.tidigt.query.caseview;

import se.tidigt.cases.api.ConsentBy;
import se.tidigt.cases.api.DeclineReason;
import se.tidigt.cases.api.FamilyAccepted;
import se.tidigt.cases.api.FamilyDeclined;
import se.tidigt.cases.api.InterventionEndOutcome;
import se.tidigt.cases.api.InterventionEnded;
import se.tidigt.cases.api.InterventionOffered;
import se.tidigt.cases.api.InterventionType;

import java.time.Instant;

/** One offer of intervention on a case, with the family's answer and the intervention's course. */
public class Offer {
    public enum Answer { ACCEPTED, DECLINED }

    public String offerId;
    public InterventionType interventionType;
    public Instant offeredAt;
    public Answer answer;
    public Instant respondedAt;
    public ConsentBy consentBy;
    public DeclineReason declineReason;
    public Instant startedAt;
    public Instant endedAt;
    public InterventionEndOutcome endOutcome;

    static Offer offered(InterventionOffered e) {
        Offer offer = new Offer();
        offer.offerId = e.offerId();
        offer.interventionType = e.interventionType();
        offer.offeredAt = e.occurredAt();
        return offer;
    }

    void accepted(FamilyAccepted e) {
        answer = Answer.ACCEPTED;
        respondedAt = e.occurredAt();
        consentBy = e.consentBy();
    }

    void declined(FamilyDeclined e) {
        answer = Answer.DECLINED;
        respondedAt = e.occurredAt();
        declineReason = e.declineReason();
    }

    void ended(InterventionEnded e) {
        endedAt = e.occurredAt();
        endOutcome = e.outcome();
    }
}
