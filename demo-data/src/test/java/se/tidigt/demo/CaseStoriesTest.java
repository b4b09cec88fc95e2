package se.tidigt.demo;

import org.junit.jupiter.api.Test;
import se.tidigt.cases.api.CompleteInitialAssessment;
import se.tidigt.cases.api.ConcernKind;
import se.tidigt.cases.api.Deadlines;
import se.tidigt.cases.api.RaiseConcern;
import se.tidigt.cases.api.RecordFamilyResponse;
import se.tidigt.cases.api.RecordOpenAccessSupport;
import se.tidigt.cases.api.identity.Pseudonymiser;
import se.tidigt.rollout.api.DistrictCatalogue;
import se.tidigt.rollout.api.WorkModels;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generator as a plain object, at a small volume: deterministic from its seed, districts as
 * they were on each date, nothing in the future, and the two work models' different shapes. (The
 * full volume, written through the aggregates, is tested once in DemoDataApiTest.)
 */
class CaseStoriesTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final DistrictCatalogue STOCKHOLM = DistrictCatalogue.stockholm();
    private static final Pseudonymiser PSEUDONYMS = Pseudonymiser.withKey("test-key-for-synthetic-children");

    private static List<CaseStory> generate(long seed) {
        // Hässelby-Vällingby works as the team from 2021 on; every other district in the ordinary way.
        return new CaseStories(seed, 300, NOW, STOCKHOLM, (district, date) -> district.equals("hasselby-vallingby")
                && date.getYear() >= 2021 ? WorkModels.VALLINGBY_TEAM_CODE : WorkModels.ORDINARY_CODE, PSEUDONYMS).generate();
    }

    @Test
    void the_same_seed_gives_the_same_stories_and_another_seed_others() {
        List<CaseStory> first = generate(7);
        assertThat(generate(7)).isEqualTo(first);
        assertThat(generate(8)).isNotEqualTo(first);
    }

    @Test
    void cases_belong_to_the_districts_of_their_day_from_2019_to_last_month() {
        List<RaiseConcern> concerns = concerns(generate(7));
        assertThat(concerns).hasSizeGreaterThan(1_500);
        for (RaiseConcern concern : concerns) {
            LocalDate day = Deadlines.localDate(concern.receivedAt());
            assertThat(STOCKHOLM.isValidOn(concern.district(), day)).as("%s on %s", concern.district(), day).isTrue();
        }
        assertThat(concerns).anyMatch(c -> c.district().equals("rinkeby-kista"))
                .anyMatch(c -> c.district().equals("ostermalm")).anyMatch(c -> c.district().equals("jarva"));
        assertThat(concerns.stream().map(c -> YearMonth.from(Deadlines.localDate(c.receivedAt()))).distinct())
                .contains(YearMonth.of(2019, 1), YearMonth.of(2026, 10)).doesNotContain(YearMonth.of(2026, 11));
    }

    @Test
    void no_step_lies_in_the_future_and_recent_cases_are_left_open() {
        List<CaseStory> stories = generate(7);
        for (CaseStory story : stories) {
            for (Object command : story.commands()) {
                instants(command).forEach(at -> assertThat(at).isBefore(NOW));
            }
        }
        long openRecent = stories.stream().filter(s -> s.workModel() != null)
                .filter(s -> concern(s).receivedAt().isAfter(NOW.minusSeconds(86_400L * 90)))
                .filter(s -> s.commands().stream().noneMatch(c -> c.getClass().getSimpleName().equals("CloseCase"))).count();
        assertThat(openRecent).isGreaterThan(10);
    }

    @Test
    void the_team_reaches_younger_children_and_decides_early_support_more_often() {
        List<CaseStory> stories = generate(7);
        List<CaseStory> team = stories.stream().filter(s -> WorkModels.VALLINGBY_TEAM_CODE.equals(s.workModel())).toList();
        List<CaseStory> ordinary = stories.stream().filter(s -> WorkModels.ORDINARY_CODE.equals(s.workModel())).toList();
        assertThat(shareUnder(team, 13)).isGreaterThan(shareUnder(ordinary, 13) + 0.2);
        assertThat(shareEarlySupport(team)).isGreaterThan(shareEarlySupport(ordinary) + 0.2);
        assertThat(concerns(ordinary).stream().filter(c -> c.concerns().contains(ConcernKind.CRIME_RISK)).count()).isPositive();
    }

    @Test
    void families_accept_at_the_rate_of_their_work_model() {
        List<CaseStory> stories = generate(11);
        for (String model : List.of(WorkModels.ORDINARY_CODE, WorkModels.VALLINGBY_TEAM_CODE)) {
            List<RecordFamilyResponse> answers = stories.stream().filter(s -> model.equals(s.workModel()))
                    .flatMap(s -> s.commands().stream()).filter(RecordFamilyResponse.class::isInstance)
                    .map(RecordFamilyResponse.class::cast).toList();
            double accepted = (double) answers.stream().filter(RecordFamilyResponse::accepted).count() / answers.size();
            assertThat(accepted).as(model).isCloseTo(model.equals(WorkModels.ORDINARY_CODE) ? Intake.ORDINARY_ACCEPTANCE
                    : Intake.TEAM_ACCEPTANCE, org.assertj.core.api.Assertions.within(0.02));
        }
    }

    @Test
    void open_access_support_is_counted_from_july_2025_for_every_district_of_today() {
        List<RecordOpenAccessSupport> counts = generate(7).stream().flatMap(s -> s.commands().stream())
                .filter(RecordOpenAccessSupport.class::isInstance).map(RecordOpenAccessSupport.class::cast).toList();
        assertThat(counts).isNotEmpty().allMatch(c -> !c.month().isBefore(YearMonth.of(2025, 7)) && c.count() > 0);
        assertThat(counts.stream().map(RecordOpenAccessSupport::district).distinct()).hasSize(11);
    }

    private static double shareUnder(List<CaseStory> stories, int age) {
        List<RaiseConcern> concerns = concerns(stories);
        return (double) concerns.stream().filter(c -> c.child().ageInYearsOn(Deadlines.localDate(c.receivedAt())) < age).count()
                / concerns.size();
    }

    private static double shareEarlySupport(List<CaseStory> stories) {
        List<CompleteInitialAssessment> assessments = stories.stream().flatMap(s -> s.commands().stream())
                .filter(CompleteInitialAssessment.class::isInstance).map(CompleteInitialAssessment.class::cast).toList();
        return (double) assessments.stream().filter(a -> a.decision().name().equals("EARLY_SUPPORT")).count() / assessments.size();
    }

    private static List<RaiseConcern> concerns(List<CaseStory> stories) {
        return stories.stream().filter(s -> s.workModel() != null).map(CaseStoriesTest::concern).toList();
    }

    private static RaiseConcern concern(CaseStory story) {
        return (RaiseConcern) story.commands().get(0);
    }

    private static List<Instant> instants(Object command) {
        return java.util.Arrays.stream(command.getClass().getRecordComponents()).filter(c -> c.getType() == Instant.class)
                .map(c -> (Instant) read(c, command)).filter(Objects::nonNull).toList();
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
