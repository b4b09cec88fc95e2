package se.tidigt.cases.api;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlinesAndAgesTest {

    @Test
    void deadlines_count_in_stockholm_dates() {
        // 23:30 UTC on 31 January is already 1 February in Stockholm.
        Instant lateEvening = Instant.parse("2024-01-31T23:30:00Z");
        assertThat(Deadlines.protectionAssessmentDue(lateEvening)).isEqualTo(LocalDate.of(2024, 2, 2));
        assertThat(Deadlines.initialAssessmentDue(lateEvening)).isEqualTo(LocalDate.of(2024, 2, 15));
        assertThat(Deadlines.investigationDue(lateEvening)).isEqualTo(LocalDate.of(2024, 6, 1));
    }

    @Test
    void an_age_is_never_overstated_when_only_the_birth_month_is_known() {
        Child child = new Child("p", YearMonth.of(2012, 5), false);
        assertThat(child.ageInYearsOn(LocalDate.of(2024, 5, 30))).isEqualTo(11);
        assertThat(child.ageInYearsOn(LocalDate.of(2024, 5, 31))).isEqualTo(12);
        assertThat(child.ageInYearsOn(LocalDate.of(2012, 5, 2))).isZero();
    }
}
