package se.tidigt.cases;

import org.junit.jupiter.api.Test;
import se.tidigt.cases.api.*;

import java.time.LocalDate;

import static se.tidigt.cases.api.InitialAssessmentDecision.EARLY_SUPPORT;
import static se.tidigt.cases.api.InitialAssessmentDecision.NO_ACTION;
import static se.tidigt.cases.api.InitialAssessmentDecision.OPEN_INVESTIGATION;

class OfferingAnInterventionTest extends CaseFixture {
    private static final OfferIntervention OFFER_CONTACT_PERSON =
            new OfferIntervention(CASE, OFFER, after(10), InterventionType.CONTACT_PERSON, null);

    @Test
    void cannot_offer_before_an_assessment_that_allows_it() {
        rejectedBy(fixture.givenCurrentTime(NOW).andGiven(raised()).when(OFFER_CONTACT_PERSON),
                "offer-requires-assessment-that-allows-it");
        rejectedBy(fixture.givenCurrentTime(NOW).andGiven(raised(), decided(NO_ACTION)).when(OFFER_CONTACT_PERSON),
                "offer-requires-assessment-that-allows-it");
    }

    @Test
    void cannot_offer_while_the_investigation_runs_or_after_it_found_no_need() {
        InvestigationOpened opened = new InvestigationOpened(CASE, HV, after(6), LocalDate.of(2024, 7, 7));
        rejectedBy(fixture.givenCurrentTime(NOW).andGiven(raised(), decided(OPEN_INVESTIGATION), opened)
                .when(OFFER_CONTACT_PERSON), "offer-requires-assessment-that-allows-it");
        rejectedBy(fixture.givenCurrentTime(NOW).andGiven(raised(), decided(OPEN_INVESTIGATION), opened,
                        new InvestigationConcluded(CASE, HV, after(8), InvestigationOutcome.NO_INTERVENTION_NEEDED))
                .when(OFFER_CONTACT_PERSON), "offer-requires-assessment-that-allows-it");
    }

    @Test
    void early_support_allows_an_offer_without_investigation() {
        fixture.givenCurrentTime(NOW).andGiven(raised(), decided(EARLY_SUPPORT))
                .when(OFFER_CONTACT_PERSON)
                .expectEvents(new InterventionOffered(CASE, HV, after(10), OFFER, InterventionType.CONTACT_PERSON));
    }

    @Test
    void an_investigation_that_found_a_need_allows_an_offer() {
        fixture.givenCurrentTime(NOW).andGiven(raised(), decided(OPEN_INVESTIGATION),
                        new InvestigationOpened(CASE, HV, after(6), LocalDate.of(2024, 7, 7)),
                        new InvestigationConcluded(CASE, HV, after(8), InvestigationOutcome.INTERVENTION_NEEDED))
                .when(OFFER_CONTACT_PERSON)
                .expectEvents(new InterventionOffered(CASE, HV, after(10), OFFER, InterventionType.CONTACT_PERSON));
    }

    @Test
    void a_case_may_get_several_offers_but_each_offer_id_once() {
        fixture.givenCurrentTime(NOW).andGiven(raised(), decided(EARLY_SUPPORT), offered(InterventionType.CONTACT_PERSON))
                .when(new OfferIntervention(CASE, "offer-2", after(11), InterventionType.FAMILY_TREATMENT, null))
                .expectEvents(new InterventionOffered(CASE, HV, after(11), "offer-2", InterventionType.FAMILY_TREATMENT));
        rejectedBy(givenAnOffer(InterventionType.CONTACT_PERSON).when(OFFER_CONTACT_PERSON), "offer-already-exists");
    }
}
