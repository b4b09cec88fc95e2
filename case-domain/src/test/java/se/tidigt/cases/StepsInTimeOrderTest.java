package se.tidigt.cases;

import org.junit.jupiter.api.Test;
import se.tidigt.cases.api.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import static se.tidigt.cases.api.InitialAssessmentDecision.OPEN_INVESTIGATION;

/** A case's steps follow one another in time, so no lead time is ever negative. */
class StepsInTimeOrderTest extends CaseFixture {
    private static final InvestigationOpened OPENED = new InvestigationOpened(CASE, HV, after(6), LocalDate.of(2024, 7, 7));

    @Test
    void an_answer_before_its_offer_is_rejected() {
        invalid(givenAnOffer(InterventionType.FAMILY_TREATMENT)
                .when(new RecordFamilyResponse(CASE, OFFER, after(9), true, ConsentBy.GUARDIANS, null, null)), "respondedAt");
    }

    @Test
    void an_answer_at_the_moment_of_the_offer_is_accepted() {
        givenAnOffer(InterventionType.FAMILY_TREATMENT)
                .when(new RecordFamilyResponse(CASE, OFFER, after(10), true, ConsentBy.GUARDIANS, null, null))
                .expectEvents(new FamilyAccepted(CASE, HV, after(10), OFFER, ConsentBy.GUARDIANS));
    }

    @Test
    void a_start_before_the_answer_is_rejected() {
        invalid(givenAnOffer(InterventionType.FAMILY_TREATMENT).andGiven(accepted())
                .when(new StartIntervention(CASE, OFFER, after(11), null)), "startedAt");
    }

    @Test
    void an_end_before_the_start_is_rejected() {
        invalid(givenAnOffer(InterventionType.FAMILY_TREATMENT).andGiven(accepted(), started())
                .when(new EndIntervention(CASE, OFFER, after(14), InterventionEndOutcome.values()[0], null)), "endedAt");
    }

    @Test
    void a_conclusion_before_the_opening_is_rejected() {
        invalid(fixture.givenCurrentTime(NOW).andGiven(raised(), decided(OPEN_INVESTIGATION), OPENED)
                .when(new ConcludeInvestigation(CASE, after(5), InvestigationOutcome.INTERVENTION_NEEDED, null)), "concludedAt");
    }

    @Test
    void a_concern_before_the_social_services_act_took_effect_is_rejected() {
        invalid(fixture.givenCurrentTime(NOW)
                .when(new RaiseConcern(CASE, HV, Instant.parse("2001-12-31T12:00:00Z"), ReporterCategory.POLICE,
                        Set.of(ConcernKind.OTHER), CHILD_OF_12, "ORDINARY")), "receivedAt");
    }
}
