package se.tidigt.rollout.api;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DistrictCatalogueTest {
    private final DistrictCatalogue stockholm = DistrictCatalogue.stockholm();

    @Test
    void stockholm_has_eleven_districts_today_and_fifteen_in_all() {
        assertThat(stockholm.validOn(LocalDate.of(2026, 11, 24))).hasSize(11);
        assertThat(stockholm.validOn(LocalDate.of(2023, 6, 30))).hasSize(13);
        assertThat(stockholm.all()).hasSize(15);
    }

    @Test
    void the_crosswalk_maps_old_districts_onto_todays() {
        assertThat(stockholm.currentSuccessorOf("rinkeby-kista")).isEqualTo("jarva");
        assertThat(stockholm.currentSuccessorOf("ostermalm")).isEqualTo("norra-innerstaden");
        assertThat(stockholm.currentSuccessorOf("farsta")).isEqualTo("farsta");
    }

    @Test
    void validity_is_by_date() {
        assertThat(stockholm.isValidOn("jarva", LocalDate.of(2023, 7, 1))).isTrue();
        assertThat(stockholm.isValidOn("jarva", LocalDate.of(2023, 6, 30))).isFalse();
        assertThat(stockholm.isValidOn("spanga-tensta", LocalDate.of(2023, 6, 30))).isTrue();
        assertThat(stockholm.isValidOn("atlantis", LocalDate.of(2023, 6, 30))).isFalse();
    }

    @Test
    void an_unknown_predecessor_is_refused() {
        assertThatThrownBy(() -> DistrictCatalogue.of(List.of(
                new District("a", "A", LocalDate.of(2020, 1, 1), null, List.of("ghost")))))
                .isInstanceOf(InvalidDistrictConfiguration.class).hasMessageContaining("ghost");
    }

    @Test
    void overlapping_validity_is_refused() {
        assertThatThrownBy(() -> DistrictCatalogue.of(List.of(
                new District("old", "Old", null, LocalDate.of(2020, 12, 31), List.of()),
                new District("new", "New", LocalDate.of(2020, 6, 1), null, List.of("old")))))
                .isInstanceOf(InvalidDistrictConfiguration.class).hasMessageContaining("new");
    }

    @Test
    void a_code_listed_twice_or_a_period_ending_before_it_starts_is_refused() {
        assertThatThrownBy(() -> DistrictCatalogue.of(List.of(new District("a", "A", null, null, List.of()),
                new District("a", "A", null, null, List.of())))).isInstanceOf(InvalidDistrictConfiguration.class);
        assertThatThrownBy(() -> DistrictCatalogue.of(List.of(new District("a", "A", LocalDate.of(2020, 1, 2),
                LocalDate.of(2020, 1, 1), List.of())))).isInstanceOf(InvalidDistrictConfiguration.class);
    }
}
