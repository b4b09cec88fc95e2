package se.tidigt.query.caseview;

import org.junit.jupiter.api.Test;
import se.tidigt.cases.api.Child;
import se.tidigt.cases.api.ConcernKind;
import se.tidigt.cases.api.ConcernRaised;
import se.tidigt.cases.api.ConsentBy;
import se.tidigt.cases.api.FamilyAccepted;
import se.tidigt.cases.api.InterventionOffered;
import se.tidigt.cases.api.InterventionType;
import se.tidigt.cases.api.ProtectionNeedAssessed;
import se.tidigt.cases.api.ReporterCategory;
import se.tidigt.query.caseview.CaseViewReplay.Basis;
import se.tidigt.query.caseview.CaseViewReplay.PastState;
import se.tidigt.query.caseview.CaseViewReplay.RecordedEvent;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The auditor's replay, as a plain object: the same fold as the case view, on two time bases. */
class CaseViewReplayTest {
    private static final String CASE = "case-1";
    private static final Instant MARCH_1 = Instant.parse("2025-03-01T09:00:00Z");

    private static RecordedEvent raised() {
        return new RecordedEvent(0, MARCH_1.plusSeconds(60), new ConcernRaised(CASE, "farsta", MARCH_1, "ORDINARY",
                ReporterCategory.SCHOOL, Set.of(ConcernKind.CRIME_RISK), new Child("p", YearMonth.of(2012, 4), false)));
    }

    /** Assessed on 1 March in the world, but recorded only on 20 March. */
    private static RecordedEvent assessedLate() {
        return new RecordedEvent(1, Instant.parse("2025-03-20T10:00:00Z"),
                new ProtectionNeedAssessed(CASE, "farsta", Instant.parse("2025-03-01T15:00:00Z"), true));
    }

    @Test
    void a_step_recorded_late_is_in_the_valid_at_view_but_not_yet_in_the_as_of_view() {
        List<RecordedEvent> events = List.of(raised(), assessedLate());
        Instant march10 = Instant.parse("2025-03-10T00:00:00Z");

        PastState known = CaseViewReplay.replay(events, Basis.AS_OF, march10);
        PastState lived = CaseViewReplay.replay(events, Basis.VALID_AT, march10);

        assertThat(known.view().progress().protectionAssessment()).isNull();
        assertThat(known.view().version()).isEqualTo(1);
        assertThat(lived.view().progress().protectionAssessment().immediateProtectionNeeded()).isTrue();
        assertThat(lived.view().version()).isEqualTo(2);
        assertThat(assessedLate().recordedAfterItHappened(march10)).isTrue();
        assertThat(raised().recordedAfterItHappened(march10)).isFalse();
    }

    @Test
    void before_the_case_existed_both_views_are_empty() {
        List<RecordedEvent> events = List.of(raised(), assessedLate());
        Instant before = MARCH_1.minusSeconds(1);
        assertThat(CaseViewReplay.replay(events, Basis.AS_OF, before).view()).isNull();
        assertThat(CaseViewReplay.replay(events, Basis.VALID_AT, before).applied()).isEmpty();
    }

    @Test
    void an_answer_dated_before_its_offer_is_reported_as_not_applicable_at_an_instant_between_them() {
        Instant offeredAt = Instant.parse("2025-03-05T10:00:00Z");
        Instant answeredAt = Instant.parse("2025-03-04T10:00:00Z");
        List<RecordedEvent> events = List.of(raised(),
                new RecordedEvent(1, offeredAt, new InterventionOffered(CASE, "farsta", offeredAt, "o1", InterventionType.values()[0])),
                new RecordedEvent(2, offeredAt, new FamilyAccepted(CASE, "farsta", answeredAt, "o1", ConsentBy.GUARDIANS)));

        PastState between = CaseViewReplay.replay(events, Basis.VALID_AT, Instant.parse("2025-03-04T12:00:00Z"));

        assertThat(between.applied()).containsExactly(0L);
        assertThat(between.notApplicable()).containsExactly(2L);
        assertThat(CaseViewReplay.replay(events, Basis.VALID_AT, offeredAt).view().progress().offers().get(0).answer())
                .isEqualTo(Offer.Answer.ACCEPTED);
    }
}
