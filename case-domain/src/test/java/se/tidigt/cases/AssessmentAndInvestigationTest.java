package se.tidigt.cases;

import org.junit.jupiter.api.Test;
import se.tidigt.cases.api.*;

import java.time.LocalDate;

import static se.tidigt.cases.api.InitialAssessmentDecision.EARLY_SUPPORT;
import static se.tidigt.cases.api.InitialAssessmentDecision.OPEN_INVESTIGATION;

class AssessmentAndInvestigationTest extends CaseFixture {
    private static final InvestigationOpened OPENED = new InvestigationOpened(CASE, HV, after(6), LocalDate.of(2024, 7, 7));

    @Test
    void the_protection_need_is_assessed_once() {
        rejectedBy(fixture.givenCurrentTime(NOW).andGiven(raised(), new ProtectionNeedAssessed(CASE, HV, after(0), false))
                .when(new AssessProtectionNeed(CASE, after(1), true, null)), "protection-need-already-assessed");
    }

    @Test
    void the_initial_assessment_is_completed_once() {
        fixture.givenCurrentTime(NOW).andGiven(raised())
                .when(new CompleteInitialAssessment(CASE, after(5), EARLY_SUPPORT, null))
                .expectEvents(decided(EARLY_SUPPORT));
        rejectedBy(fixture.givenCurrentTime(NOW).andGiven(raised(), decided(EARLY_SUPPORT))
                .when(new CompleteInitialAssessment(CASE, after(6), OPEN_INVESTIGATION, null)),
                "initial-assessment-already-completed");
    }

    @Test
    void an_investigation_opens_only_when_the_initial_assessment_decided_so_and_is_due_four_months_on() {
        fixture.givenCurrentTime(NOW).andGiven(raised(), decided(OPEN_INVESTIGATION))
                .when(new OpenInvestigation(CASE, after(6), null))
                .expectEvents(OPENED);
        rejectedBy(fixture.givenCurrentTime(NOW).andGiven(raised(), decided(EARLY_SUPPORT))
                .when(new OpenInvestigation(CASE, after(6), null)), "investigation-requires-initial-assessment-decision");
        rejectedBy(fixture.givenCurrentTime(NOW).andGiven(raised())
                .when(new OpenInvestigation(CASE, after(6), null)), "investigation-requires-initial-assessment-decision");
    }

    @Test
    void a_case_has_one_investigation() {
        rejectedBy(fixture.givenCurrentTime(NOW).andGiven(raised(), decided(OPEN_INVESTIGATION), OPENED)
                .when(new OpenInvestigation(CASE, after(7), null)), "investigation-already-opened");
    }

    @Test
    void an_investigation_is_extended_to_a_later_date_for_a_reason() {
        LocalDate later = LocalDate.of(2024, 9, 1);
        fixture.givenCurrentTime(NOW).andGiven(raised(), decided(OPEN_INVESTIGATION), OPENED)
                .when(new ExtendInvestigation(CASE, after(60), later, "sealed:v1:AAAA", null))
                .expectEvents(new InvestigationExtended(CASE, HV, after(60), OPENED.dueDate(), later, "sealed:v1:AAAA"));
    }

    @Test
    void an_extension_must_move_the_due_date_later_and_give_a_reason() {
        invalid(fixture.givenCurrentTime(NOW).andGiven(raised(), decided(OPEN_INVESTIGATION), OPENED)
                .when(new ExtendInvestigation(CASE, after(60), OPENED.dueDate(), "reason", null)), "newDueDate");
        invalid(fixture.givenCurrentTime(NOW).andGiven(raised(), decided(OPEN_INVESTIGATION), OPENED)
                .when(new ExtendInvestigation(CASE, after(60), LocalDate.of(2024, 9, 1), " ", null)), "reason");
    }

    @Test
    void only_an_investigation_in_progress_is_extended_or_concluded() {
        rejectedBy(fixture.givenCurrentTime(NOW).andGiven(raised(), decided(OPEN_INVESTIGATION))
                .when(new ExtendInvestigation(CASE, after(60), LocalDate.of(2024, 9, 1), "reason", null)),
                "no-open-investigation");
        rejectedBy(fixture.givenCurrentTime(NOW).andGiven(raised(), decided(OPEN_INVESTIGATION), OPENED,
                        new InvestigationConcluded(CASE, HV, after(50), InvestigationOutcome.INTERVENTION_NEEDED))
                .when(new ConcludeInvestigation(CASE, after(51), InvestigationOutcome.NO_INTERVENTION_NEEDED, null)),
                "no-open-investigation");
    }

    @Test
    void an_investigation_is_concluded_with_its_outcome() {
        fixture.givenCurrentTime(NOW).andGiven(raised(), decided(OPEN_INVESTIGATION), OPENED)
                .when(new ConcludeInvestigation(CASE, after(50), InvestigationOutcome.INTERVENTION_NEEDED, null))
                .expectEvents(new InvestigationConcluded(CASE, HV, after(50), InvestigationOutcome.INTERVENTION_NEEDED));
    }
}
