package se.tidigt.query.stats.effect;

import org.junit.jupiter.api.Test;
import se.tidigt.query.stats.SyntheticFacts;
import se.tidigt.query.stats.protection.CellKeyMethod;
import se.tidigt.query.stats.protection.KeyedRecordKeys;
import se.tidigt.query.stats.protection.PerturbationTable;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The rollout effect's district-months are built from protected counts: a small month reveals nothing. */
class ProtectedPanelTest {

    @Test
    void a_district_month_of_three_answers_is_left_out_or_shown_only_through_its_protected_counts() {
        SyntheticFacts facts = new SyntheticFacts()
                .add("d01", "ORDINARY", "2024-03-04T09:00:00Z", "A").add("d01", "ORDINARY", "2024-03-05T09:00:00Z", "A")
                .add("d01", "ORDINARY", "2024-03-06T09:00:00Z", "D");
        for (int i = 0; i < 20; i++) {
            facts.add("d01", "ORDINARY", "2024-04-0" + (1 + i % 9) + "T09:00:00Z", i % 4 == 0 ? "D" : "A");
        }
        Map<String, Exposure> exposures = Map.of("d01", Exposure.of(List.of(), SimulatedRollout.MODEL));
        int march = Panel.index(YearMonth.of(2024, 3));
        int leftOut = 0;
        for (int deployment = 0; deployment < 60; deployment++) {
            CellKeyMethod method = new CellKeyMethod(new KeyedRecordKeys("secret-of-deployment-" + deployment),
                    new PerturbationTable(5, 2));
            Panel panel = Panel.build(facts.facts(), EffectMetric.ACCEPTANCE_RATE, exposures, Function.identity(), method,
                    YearMonth.of(2024, 12));
            Double value = panel.values().getOrDefault("d01", Map.of()).get(march);
            if (value == null) {
                leftOut++;
                assertThat(panel.fewAnswers("d01")).isEqualTo(1);
            } else {
                assertThat(value).as("published accepted ÷ (published accepted + declined), each 0 or 5").isIn(0.0, 0.5, 1.0);
            }
            assertThat(panel.values().get("d01")).containsKey(Panel.index(YearMonth.of(2024, 4)));
        }
        assertThat(leftOut).as("both counts published as 0 in about (1 − 2/5)(1 − 1/5) = 48 % of deployments").isBetween(15, 45);
    }
}
