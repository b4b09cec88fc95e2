package se.tidigt.cases;

import org.junit.jupiter.api.Test;
import se.tidigt.cases.api.*;

import java.time.Instant;

import static se.tidigt.cases.api.InitialAssessmentDecision.EARLY_SUPPORT;

class FamilyResponseTest extends CaseFixture {
    /** 2024-05-31 is the last day of the birth month of CHILD_OF_12, twelve years on. */
    private static final Instant AFTER_TWELFTH_BIRTH_MONTH = Instant.parse("2024-05-31T10:00:00Z");

    @Test
    void the_family_accepts_with_the_guardians_consent() {
        givenAnOffer(InterventionType.FAMILY_TREATMENT)
                .when(new RecordFamilyResponse(CASE, OFFER, after(12), true, ConsentBy.GUARDIANS, null, null))
                .expectEvents(accepted());
    }

    @Test
    void the_family_declines_with_a_reason() {
        givenAnOffer(InterventionType.FAMILY_TREATMENT)
                .when(new RecordFamilyResponse(CASE, OFFER, after(12), false, null, DeclineReason.NOT_WANTED, null))
                .expectEvents(new FamilyDeclined(CASE, HV, after(12), OFFER, DeclineReason.NOT_WANTED));
    }

    @Test
    void declining_an_offer_twice_is_rejected() {
        rejectedBy(givenAnOffer(InterventionType.FAMILY_TREATMENT)
                .andGiven(new FamilyDeclined(CASE, HV, after(12), OFFER, DeclineReason.NOT_WANTED))
                .when(new RecordFamilyResponse(CASE, OFFER, after(13), false, null, DeclineReason.OTHER, null)),
                "offer-already-answered");
    }

    @Test
    void an_accepted_offer_cannot_be_answered_again() {
        rejectedBy(givenAnOffer(InterventionType.FAMILY_TREATMENT).andGiven(accepted())
                .when(new RecordFamilyResponse(CASE, OFFER, after(13), false, null, DeclineReason.OTHER, null)),
                "offer-already-answered");
    }

    @Test
    void an_answer_to_an_unknown_offer_is_rejected() {
        rejectedBy(givenAnOffer(InterventionType.FAMILY_TREATMENT)
                .when(new RecordFamilyResponse(CASE, "no-such-offer", after(12), true, ConsentBy.GUARDIANS, null, null)),
                "unknown-offer");
    }

    @Test
    void an_acceptance_says_who_consented_and_a_decline_why() {
        invalid(givenAnOffer(InterventionType.FAMILY_TREATMENT)
                .when(new RecordFamilyResponse(CASE, OFFER, after(12), true, null, null, null)), "consentBy");
        invalid(givenAnOffer(InterventionType.FAMILY_TREATMENT)
                .when(new RecordFamilyResponse(CASE, OFFER, after(12), false, null, null, null)), "declineReason");
    }

    @Test
    void a_child_of_twelve_may_consent_alone_to_an_open_intervention() {
        givenAnOffer(InterventionType.CONTACT_PERSON)
                .when(new RecordFamilyResponse(CASE, OFFER, AFTER_TWELFTH_BIRTH_MONTH, true, ConsentBy.CHILD, null, null))
                .expectEvents(new FamilyAccepted(CASE, HV, AFTER_TWELFTH_BIRTH_MONTH, OFFER, ConsentBy.CHILD));
    }

    @Test
    void a_child_who_may_still_be_eleven_cannot_consent_alone() {
        rejectedBy(givenAnOffer(InterventionType.CONTACT_PERSON)
                .when(new RecordFamilyResponse(CASE, OFFER, AFTER_TWELFTH_BIRTH_MONTH.minusSeconds(86_400), true,
                        ConsentBy.CHILD, null, null)), "child-consent-requires-age-12-and-open-intervention");
        rejectedBy(fixture.givenCurrentTime(NOW).andGiven(raised(CHILD_OF_11), decided(EARLY_SUPPORT),
                        offered(InterventionType.CONTACT_PERSON))
                .when(new RecordFamilyResponse(CASE, OFFER, after(12), true, ConsentBy.CHILD, null, null)),
                "child-consent-requires-age-12-and-open-intervention");
    }

    @Test
    void a_child_cannot_consent_alone_to_a_placement() {
        rejectedBy(givenAnOffer(InterventionType.FOSTER_CARE)
                .when(new RecordFamilyResponse(CASE, OFFER, AFTER_TWELFTH_BIRTH_MONTH, true, ConsentBy.CHILD, null, null)),
                "child-consent-requires-age-12-and-open-intervention");
    }
}
