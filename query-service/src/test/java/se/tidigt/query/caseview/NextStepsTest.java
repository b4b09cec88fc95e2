package se.tidigt.query.caseview;

import org.junit.jupiter.api.Test;
import se.tidigt.cases.api.InitialAssessmentDecision;
import se.tidigt.cases.api.InvestigationOutcome;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tidigt.query.caseview.NextSteps.Kind.*;

class NextStepsTest {
    private static final Instant AT = Instant.parse("2026-01-05T10:00:00Z");

    @Test
    void a_new_case_offers_both_assessments_and_the_steps_open_at_any_time_but_no_offer() {
        assertThat(kinds(open())).containsExactly(PROTECTION_ASSESSMENT, INITIAL_ASSESSMENT, ASSIGN_WORKER, RECORD_COLLABORATION,
                TRANSFER_CASE, CLOSE_CASE);
    }

    @Test
    void an_investigation_decided_is_opened_then_extended_or_concluded_and_a_need_found_allows_an_offer() {
        CaseView view = open();
        view.progress.protectionAssessment = new CaseProgress.ProtectionAssessment(AT, false);
        view.progress.initialAssessment = new CaseProgress.InitialAssessment(AT, InitialAssessmentDecision.OPEN_INVESTIGATION);
        assertThat(kinds(view)).startsWith(OPEN_INVESTIGATION).doesNotContain(OFFER_INTERVENTION);
        view.progress.investigation = new CaseProgress.Investigation();
        assertThat(kinds(view)).startsWith(EXTEND_INVESTIGATION, CONCLUDE_INVESTIGATION).doesNotContain(OPEN_INVESTIGATION, OFFER_INTERVENTION);
        view.progress.investigation.outcome = InvestigationOutcome.INTERVENTION_NEEDED;
        assertThat(kinds(view)).startsWith(OFFER_INTERVENTION).doesNotContain(CONCLUDE_INVESTIGATION);
    }

    @Test
    void each_offer_gets_its_own_next_step_the_answer_then_the_start_then_the_end() {
        CaseView view = open();
        view.progress.initialAssessment = new CaseProgress.InitialAssessment(AT, InitialAssessmentDecision.EARLY_SUPPORT);
        Offer unanswered = offer("o-1");
        Offer accepted = offer("o-2");
        accepted.answer = Offer.Answer.ACCEPTED;
        Offer running = offer("o-3");
        running.answer = Offer.Answer.ACCEPTED;
        running.startedAt = AT;
        Offer declined = offer("o-4");
        declined.answer = Offer.Answer.DECLINED;
        view.progress.offers.addAll(List.of(unanswered, accepted, running, declined));
        assertThat(NextSteps.of(view)).contains(new NextSteps.Step(RECORD_RESPONSE, "o-1"), new NextSteps.Step(START_INTERVENTION, "o-2"),
                new NextSteps.Step(END_INTERVENTION, "o-3")).noneMatch(step -> "o-4".equals(step.offerId()));
    }

    @Test
    void a_closed_case_allows_no_step() {
        CaseView view = open();
        view.status = CaseView.CaseStatus.CLOSED;
        assertThat(NextSteps.of(view)).isEmpty();
    }

    private static List<NextSteps.Kind> kinds(CaseView view) {
        return NextSteps.of(view).stream().map(NextSteps.Step::step).toList();
    }

    private static Offer offer(String id) {
        Offer offer = new Offer();
        offer.offerId = id;
        offer.offeredAt = AT;
        return offer;
    }

    private static CaseView open() {
        CaseView view = new CaseView();
        view.caseId = "c-1";
        view.status = CaseView.CaseStatus.OPEN;
        view.receivedAt = AT;
        return view;
    }
}
