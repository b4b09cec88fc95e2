package se.tidigt.cases;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import se.tidigt.cases.api.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.instanceOf;

/** A case in Hässelby-Vällingby, raised on 2024-03-01, with the clock at 2024-06-01; events to start from. */
abstract class CaseFixture {
    static final String CASE = "case-1";
    static final String HV = "hasselby-vallingby";
    static final String OFFER = "offer-1";
    static final Instant RECEIVED = Instant.parse("2024-03-01T09:00:00Z");
    static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
    /** Turned 12 in May 2024 (born May 2012): counted as 12 from 31 May 2024. */
    static final Child CHILD_OF_12 = new Child("pseudonym-12", YearMonth.of(2012, 5), false);
    static final Child CHILD_OF_11 = new Child("pseudonym-11", YearMonth.of(2012, 9), false);

    /** Stockholm's mergers in small: Rinkeby-Kista until 2023-06-30, Järva from 2023-07-01. */
    static final DistrictCalendar CALENDAR = (district, date) -> switch (district) {
        case HV, "farsta" -> true;
        case "rinkeby-kista" -> date.isBefore(LocalDate.of(2023, 7, 1));
        case "jarva" -> !date.isBefore(LocalDate.of(2023, 7, 1));
        default -> false;
    };

    /** The delegation the fixture's districts have; a test may set another before its command. */
    Delegation delegation = Delegation.DEFAULT;

    final FixtureConfiguration<Case> fixture = new AggregateTestFixture<>(Case.class)
            .registerInjectableResource(CALENDAR)
            .registerInjectableResource((DelegationOrder) (district, kind, date) -> delegation.lowestToDecide(kind));

    static Instant after(int days) {
        return RECEIVED.plusSeconds(86_400L * days);
    }

    static ConcernRaised raised(Child child) {
        return new ConcernRaised(CASE, HV, RECEIVED, "VALLINGBY_TEAM", ReporterCategory.SCHOOL,
                Set.of(ConcernKind.CRIME_RISK), child);
    }

    static ConcernRaised raised() {
        return raised(CHILD_OF_12);
    }

    static InitialAssessmentCompleted decided(InitialAssessmentDecision decision) {
        return new InitialAssessmentCompleted(CASE, HV, after(5), decision);
    }

    static InterventionOffered offered(InterventionType type) {
        return new InterventionOffered(CASE, HV, after(10), OFFER, type);
    }

    static FamilyAccepted accepted() {
        return new FamilyAccepted(CASE, HV, after(12), OFFER, ConsentBy.GUARDIANS);
    }

    static InterventionStarted started() {
        return new InterventionStarted(CASE, HV, after(15), OFFER);
    }

    /** Given a case with an early-support decision and an open offer of the given type. */
    org.axonframework.test.aggregate.TestExecutor<Case> givenAnOffer(InterventionType type) {
        return fixture.givenCurrentTime(NOW).andGiven(raised(), decided(InitialAssessmentDecision.EARLY_SUPPORT), offered(type));
    }

    static void rejectedBy(ResultValidator<Case> result, String rule) {
        result.expectNoEvents().expectException(allOf(instanceOf(CaseRuleViolation.class), ruleIs(rule)));
    }

    static void invalid(ResultValidator<Case> result, String field) {
        result.expectNoEvents().expectException(allOf(instanceOf(InvalidCaseInput.class), fieldIs(field)));
    }

    private static org.hamcrest.Matcher<Object> ruleIs(String rule) {
        return matching(CaseRuleViolation.class, v -> v.rule().equals(rule), "a violation of rule " + rule);
    }

    private static org.hamcrest.Matcher<Object> fieldIs(String field) {
        return matching(InvalidCaseInput.class, i -> i.field().equals(field), "invalid input in field " + field);
    }

    private static <T> org.hamcrest.Matcher<Object> matching(Class<T> type, java.util.function.Predicate<T> test,
                                                             String description) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return type.isInstance(item) && test.test(type.cast(item));
            }

            @Override
            public void describeTo(org.hamcrest.Description d) {
                d.appendText(description);
            }
        };
    }
}
