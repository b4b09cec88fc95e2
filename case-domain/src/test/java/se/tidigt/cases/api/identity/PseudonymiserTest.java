package se.tidigt.cases.api.identity;

import org.junit.jupiter.api.Test;
import se.tidigt.cases.api.Child;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PseudonymiserTest {
    private static final PersonalIdentityNumber NUMBER =
            SyntheticIdentityNumbers.forBirthDate(LocalDate.of(2012, 3, 25), new Random(1));

    @Test
    void the_same_child_always_gets_the_same_pseudonym() {
        Pseudonymiser a = Pseudonymiser.withKey("a-deployment-secret-key");
        assertThat(a.pseudonymOf(NUMBER)).isEqualTo(Pseudonymiser.withKey("a-deployment-secret-key").pseudonymOf(NUMBER))
                .hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void another_key_gives_another_pseudonym_and_another_child_another_one() {
        Pseudonymiser a = Pseudonymiser.withKey("a-deployment-secret-key");
        assertThat(a.pseudonymOf(NUMBER)).isNotEqualTo(Pseudonymiser.withKey("another-secret-key-xyz").pseudonymOf(NUMBER));
        PersonalIdentityNumber sibling = SyntheticIdentityNumbers.forBirthDate(LocalDate.of(2012, 3, 25), new Random(2));
        assertThat(a.pseudonymOf(NUMBER)).isNotEqualTo(a.pseudonymOf(sibling));
    }

    @Test
    void the_child_keeps_pseudonym_birth_month_and_research_flag_only() {
        Child child = Pseudonymiser.withKey("a-deployment-secret-key").childOf(NUMBER);
        assertThat(child.birthMonth()).isEqualTo(YearMonth.of(2012, 3));
        assertThat(child.keptForResearch()).isTrue();
        assertThat(child.toString()).doesNotContain("20120325").doesNotContain("120325");
    }

    @Test
    void a_short_key_is_refused() {
        assertThatThrownBy(() -> Pseudonymiser.withKey("short")).isInstanceOf(IllegalArgumentException.class);
    }
}
