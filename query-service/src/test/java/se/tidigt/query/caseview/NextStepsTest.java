package se.tidigt.query.caseview;

import org.junit.jupiter.api.Test;
import se.tidigt.cases.api.CaseClosed;
import se.tidigt.cases.api.CaseEvent;
import se.tidigt.cases.api.Child;
import se.tidigt.cases.api.ClosureReason;
import se.tidigt.cases.api.ConcernKind;
import se.tidigt.cases.api.ConcernRaised;
import se.tidigt.cases.api.ConsentBy;
import se.tidigt.cases.api.DeclineReason;
import se.tidigt.cases.api.FamilyAccepted;
import se.tidigt.cases.api.FamilyDeclined;
import se.tidigt.cases.api.InitialAssessmentCompleted;
import se.tidigt.cases.api.InitialAssessmentDecision;
import se.tidigt.cases.api.InterventionOffered;
import se.tidigt.cases.api.InterventionStarted;
import se.tidigt.cases.api.InterventionType;
import se.tidigt.cases.api.InvestigationConcluded;
import se.tidigt.cases.api.InvestigationOpened;
import se.tidigt.cases.api.InvestigationOutcome;
import se.tidigt.cases.api.ProtectionNeedAssessed;
import se.tidigt.cases.api.ReporterCategory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tidigt.query.caseview.NextSteps.Kind.*;

class NextStepsTest {
    private static final Instant AT = Instant.parse("2026-01-05T10:00:00Z");
    private static final String CASE = "c-1";
    private static final String DISTRICT = "hasselby-vallingby";

    @Test
    void a_new_case_offers_both_assessments_and_the_steps_open_at_any_time_but_no_offer() {
        assertThat(kinds(open())).containsExactly(PROTECTION_ASSESSMENT, INITIAL_ASSESSMENT, ASSIGN_WORKER, RECORD_COLLABORATION,
                TRANSFER_CASE, CLOSE_CASE);
    }

    @Test
    void an_investigation_decided_is_opened_then_extended_or_concluded_and_a_need_found_allows_an_offer() {
        CaseView view = open();
        fold(view, new ProtectionNeedAssessed(CASE, DISTRICT, AT, false),
                new InitialAssessmentCompleted(CASE, DISTRICT, AT, InitialAssessmentDecision.OPEN_INVESTIGATION));
        assertThat(kinds(view)).startsWith(OPEN_INVESTIGATION).doesNotContain(OFFER_INTERVENTION);
        fold(view, new InvestigationOpened(CASE, DISTRICT, AT, LocalDate.of(2026, 5, 5)));
        assertThat(kinds(view)).startsWith(EXTEND_INVESTIGATION, CONCLUDE_INVESTIGATION).doesNotContain(OPEN_INVESTIGATION, OFFER_INTERVENTION);
        fold(view, new InvestigationConcluded(CASE, DISTRICT, AT, InvestigationOutcome.INTERVENTION_NEEDED));
        assertThat(kinds(view)).startsWith(OFFER_INTERVENTION).doesNotContain(CONCLUDE_INVESTIGATION);
    }

    @Test
    void each_offer_gets_its_own_next_step_the_answer_then_the_start_then_the_end() {
        CaseView view = open();
        fold(view, new InitialAssessmentCompleted(CASE, DISTRICT, AT, InitialAssessmentDecision.EARLY_SUPPORT));
        for (String offerId : List.of("o-1", "o-2", "o-3", "o-4")) {
            fold(view, new InterventionOffered(CASE, DISTRICT, AT, offerId, InterventionType.CONTACT_PERSON));
        }
        fold(view, new FamilyAccepted(CASE, DISTRICT, AT, "o-2", ConsentBy.GUARDIANS),
                new FamilyAccepted(CASE, DISTRICT, AT, "o-3", ConsentBy.GUARDIANS),
                new InterventionStarted(CASE, DISTRICT, AT, "o-3"),
                new FamilyDeclined(CASE, DISTRICT, AT, "o-4", DeclineReason.NOT_WANTED));
        assertThat(NextSteps.of(view)).contains(new NextSteps.Step(RECORD_RESPONSE, "o-1"), new NextSteps.Step(START_INTERVENTION, "o-2"),
                new NextSteps.Step(END_INTERVENTION, "o-3")).noneMatch(step -> "o-4".equals(step.offerId()));
    }

    @Test
    void a_closed_case_allows_no_step() {
        CaseView view = open();
        fold(view, new CaseClosed(CASE, DISTRICT, AT, ClosureReason.NO_ACTION_NEEDED));
        assertThat(NextSteps.of(view)).isEmpty();
    }

    private static List<NextSteps.Kind> kinds(CaseView view) {
        return NextSteps.of(view).stream().map(NextSteps.Step::step).toList();
    }

    private static void fold(CaseView view, CaseEvent... events) {
        for (CaseEvent event : events) {
            view.apply(event, view.version() + 1);
        }
    }

    private static CaseView open() {
        return CaseView.raisedBy(new ConcernRaised(CASE, DISTRICT, AT, "ORDINARY", ReporterCategory.SCHOOL,
                Set.of(ConcernKind.SCHOOL_ABSENCE), new Child("child-1", YearMonth.of(2014, 3), false)), 1);
    }
}
