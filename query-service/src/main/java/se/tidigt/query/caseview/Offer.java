package se.tidigt.query.caseview;

import se.tidigt.cases.api.ConsentBy;
import se.tidigt.cases.api.DeclineReason;
import se.tidigt.cases.api.FamilyAccepted;
import se.tidigt.cases.api.FamilyDeclined;
import se.tidigt.cases.api.InterventionEndOutcome;
import se.tidigt.cases.api.InterventionEnded;
import se.tidigt.cases.api.InterventionOffered;
import se.tidigt.cases.api.InterventionStarted;
import se.tidigt.cases.api.InterventionType;

import java.time.Instant;

/** One offer of intervention on a case, with the family's answer and the intervention's course. */
public record Offer(String offerId, InterventionType interventionType, Instant offeredAt, Answer answer,
                    Instant respondedAt, ConsentBy consentBy, DeclineReason declineReason, Instant startedAt,
                    Instant endedAt, InterventionEndOutcome endOutcome) {
    public enum Answer { ACCEPTED, DECLINED }

    static Offer offered(InterventionOffered e) {
        return new Offer(e.offerId(), e.interventionType(), e.occurredAt(), null, null, null, null, null, null, null);
    }

    Offer accepted(FamilyAccepted e) {
        return new Offer(offerId, interventionType, offeredAt, Answer.ACCEPTED, e.occurredAt(), e.consentBy(), declineReason,
                startedAt, endedAt, endOutcome);
    }

    Offer declined(FamilyDeclined e) {
        return new Offer(offerId, interventionType, offeredAt, Answer.DECLINED, e.occurredAt(), consentBy, e.declineReason(),
                startedAt, endedAt, endOutcome);
    }

    Offer started(InterventionStarted e) {
        return new Offer(offerId, interventionType, offeredAt, answer, respondedAt, consentBy, declineReason, e.occurredAt(),
                endedAt, endOutcome);
    }

    Offer ended(InterventionEnded e) {
        return new Offer(offerId, interventionType, offeredAt, answer, respondedAt, consentBy, declineReason, startedAt,
                e.occurredAt(), e.outcome());
    }
}
