package se.tidigt.cases.api.identity;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalIdentityNumberTest {
    private final Random random = new Random(7);

    @Test
    void a_number_with_a_valid_checksum_is_read_with_or_without_hyphen() {
        String number = SyntheticIdentityNumbers.formatted(LocalDate.of(2012, 4, 15), random);
        PersonalIdentityNumber withHyphen = PersonalIdentityNumber.parse(number);
        PersonalIdentityNumber without = PersonalIdentityNumber.parse(number.replace("-", ""));

        assertThat(withHyphen).isEqualTo(without);
        assertThat(withHyphen.birthDate()).isEqualTo(LocalDate.of(2012, 4, 15));
        assertThat(withHyphen.birthMonth()).isEqualTo(YearMonth.of(2012, 4));
        assertThat(withHyphen.isCoordinationNumber()).isFalse();
        assertThat(withHyphen.keptForResearch()).isTrue();
    }

    @Test
    void a_coordination_number_carries_the_day_plus_sixty() {
        String number = SyntheticIdentityNumbers.coordinationNumberFor(LocalDate.of(2010, 2, 3), random);
        assertThat(number.substring(6, 8)).isEqualTo("63");
        PersonalIdentityNumber parsed = PersonalIdentityNumber.parse(number);
        assertThat(parsed.isCoordinationNumber()).isTrue();
        assertThat(parsed.birthDate()).isEqualTo(LocalDate.of(2010, 2, 3));
        assertThat(parsed.keptForResearch()).isFalse();
    }

    @Test
    void only_children_born_on_the_5th_15th_or_25th_are_kept_for_research() {
        for (int day = 1; day <= 28; day++) {
            boolean kept = PersonalIdentityNumber.parse(SyntheticIdentityNumbers.formatted(LocalDate.of(2015, 1, day), random))
                    .keptForResearch();
            assertThat(kept).as("day %d", day).isEqualTo(day == 5 || day == 15 || day == 25);
        }
    }

    @Test
    void a_wrong_check_digit_is_rejected_without_repeating_the_number() {
        String number = SyntheticIdentityNumbers.formatted(LocalDate.of(2011, 8, 30), random);
        int last = number.charAt(number.length() - 1) - '0';
        String broken = number.substring(0, number.length() - 1) + (last + 1) % 10;
        assertThatThrownBy(() -> PersonalIdentityNumber.parse(broken))
                .isInstanceOf(InvalidPersonalIdentityNumber.class)
                .hasMessageContaining("check digit")
                .hasMessageNotContaining(broken.substring(0, 8));
    }

    @Test
    void a_malformed_number_or_an_impossible_date_is_rejected() {
        assertThatThrownBy(() -> PersonalIdentityNumber.parse("120415-4516")).isInstanceOf(InvalidPersonalIdentityNumber.class);
        assertThatThrownBy(() -> PersonalIdentityNumber.parse("2012O415-4516")).isInstanceOf(InvalidPersonalIdentityNumber.class);
        assertThatThrownBy(() -> PersonalIdentityNumber.parse(null)).isInstanceOf(InvalidPersonalIdentityNumber.class);
        assertThatThrownBy(() -> PersonalIdentityNumber.parse("20120231-0000"))
                .isInstanceOf(InvalidPersonalIdentityNumber.class).hasMessageContaining("date");
    }

    @Test
    void the_number_never_shows_in_its_string_form() {
        String number = SyntheticIdentityNumbers.formatted(LocalDate.of(2013, 6, 1), random);
        assertThat(PersonalIdentityNumber.parse(number).toString()).doesNotContain(number.substring(0, 8)).contains("redacted");
    }

    @Test
    void generated_numbers_always_pass_their_own_check() {
        Random dates = new Random(99);
        for (int i = 0; i < 2_000; i++) {
            LocalDate birth = LocalDate.of(1990, 1, 1).plusDays(dates.nextInt(13_000));
            assertThat(PersonalIdentityNumber.parse(SyntheticIdentityNumbers.formatted(birth, dates)).birthDate()).isEqualTo(birth);
            assertThat(PersonalIdentityNumber.parse(SyntheticIdentityNumbers.coordinationNumberFor(birth, dates)).birthDate())
                    .isEqualTo(birth);
        }
    }
}
