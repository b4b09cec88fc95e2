package se.tidigt.cases.openaccess;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.tidigt.cases.api.DistrictCalendar;
import se.tidigt.cases.api.InvalidCaseInput;
import se.tidigt.cases.api.OpenAccessKind;
import se.tidigt.cases.api.OpenAccessSupportRecorded;
import se.tidigt.cases.api.RecordOpenAccessSupport;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

class OpenAccessTallyTest {
    private static final Instant NOW = Instant.parse("2024-06-15T10:00:00Z");
    private static final DistrictCalendar CALENDAR = (district, date) ->
            district.equals("farsta") || (district.equals("rinkeby-kista") && date.isBefore(LocalDate.of(2023, 7, 1)));

    private AggregateTestFixture<OpenAccessTally> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(OpenAccessTally.class);
        fixture.registerInjectableResource(CALENDAR);
    }

    @Test
    void support_given_without_investigation_is_counted() {
        var command = new RecordOpenAccessSupport("farsta", YearMonth.of(2024, 5), OpenAccessKind.COUNSELLING, 7);
        fixture.givenCurrentTime(NOW)
                .when(command)
                .expectEvents(new OpenAccessSupportRecorded(command.tallyId(), "farsta", YearMonth.of(2024, 5),
                        OpenAccessKind.COUNSELLING, 7, NOW));
    }

    @Test
    void later_counts_for_the_same_month_add_to_the_tally() {
        var first = new RecordOpenAccessSupport("farsta", YearMonth.of(2024, 5), OpenAccessKind.COUNSELLING, 7);
        var second = new RecordOpenAccessSupport("farsta", YearMonth.of(2024, 5), OpenAccessKind.COUNSELLING, 2);
        fixture.givenCurrentTime(NOW)
                .andGiven(new OpenAccessSupportRecorded(first.tallyId(), "farsta", first.month(), first.kind(), 7, NOW))
                .when(second)
                .expectEvents(new OpenAccessSupportRecorded(first.tallyId(), "farsta", first.month(), first.kind(), 2, NOW));
    }

    @Test
    void a_count_below_one_is_rejected() {
        fixture.givenCurrentTime(NOW)
                .when(new RecordOpenAccessSupport("farsta", YearMonth.of(2024, 5), OpenAccessKind.OTHER, 0))
                .expectException(InvalidCaseInput.class)
                .expectNoEvents();
    }

    @Test
    void a_month_in_the_future_is_rejected() {
        fixture.givenCurrentTime(NOW)
                .when(new RecordOpenAccessSupport("farsta", YearMonth.of(2024, 7), OpenAccessKind.OTHER, 3))
                .expectException(InvalidCaseInput.class)
                .expectNoEvents();
    }

    @Test
    void a_district_outside_its_validity_is_rejected() {
        fixture.givenCurrentTime(NOW)
                .when(new RecordOpenAccessSupport("rinkeby-kista", YearMonth.of(2024, 1), OpenAccessKind.OTHER, 3))
                .expectException(InvalidCaseInput.class)
                .expectNoEvents();
    }
}
