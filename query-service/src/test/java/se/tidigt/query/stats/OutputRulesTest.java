package se.tidigt.query.stats;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import se.tidigt.query.stats.protection.CellKeyMethod;
import se.tidigt.query.stats.protection.KeyedRecordKeys;
import se.tidigt.query.stats.protection.PerturbationTable;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The output rules protect a figure by its type, whatever name it is shown under. */
class OutputRulesTest {
    private static final CellKeyMethod CELL_KEY = new CellKeyMethod(new KeyedRecordKeys("a secret of sixteen or more"),
            new PerturbationTable(5, 2));

    private static Resolution protectedRules(ObjectNode tree) {
        ObjectNode empty = JsonNodeFactory.instance.objectNode();
        return Resolution.protectedBy(new Publication(CELL_KEY), empty, tree);
    }

    @Test
    void a_count_under_any_name_is_rounded_to_a_multiple_of_the_threshold() {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        tree.set("aNameNoRuleKnows", Tally.node(Count.of(3, 1_234_567_890L)));
        tree.putObject("nested").set("another", Tally.node(Count.of(17, 987_654_321L)));
        ObjectNode shown = protectedRules(tree).resolve(tree);
        assertThat(shown.get("aNameNoRuleKnows").asLong() % 5).isZero();
        assertThat(shown.get("nested").get("another").asLong() % 5).isZero();
        assertThat(shown.get("nested").get("another").asLong()).isBetween(13L, 21L);
    }

    @Test
    void counts_keyed_by_record_values_leave_out_what_is_published_as_zero_under_any_name() {
        Map<String, Count> byValue = new LinkedHashMap<>();
        for (int age = 0; age < 40; age++) {
            byValue.put(String.valueOf(age), Count.of(1, age * 97_531_357L));
        }
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        tree.set("renamedAges", Tally.node(new ValueKeyed(byValue)));
        ObjectNode shown = protectedRules(tree).resolve(tree);
        assertThat(shown.get("renamedAges").size()).isLessThan(40);
        shown.get("renamedAges").forEach(count -> assertThat(count.asLong()).isEqualTo(5));
    }

    @Test
    void a_rate_is_worked_out_from_the_counts_shown_and_a_small_mean_is_withheld() {
        Count accepted = Count.of(3, 11L);
        Count answered = Count.sum(accepted, Count.of(1, 29L));
        Count n = Count.of(4, 40L);
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        tree.set("someShare", Tally.node(Share.of(accepted, answered)));
        tree.set("n", Tally.node(n));
        tree.set("someMean", Tally.node(Guarded.ratio(1.75, 4).beside(n)));
        Resolution rules = protectedRules(tree);
        ObjectNode shown = rules.resolve(tree);
        assertThat(shown.get("someShare").get("numerator").asLong()).isLessThanOrEqualTo(shown.get("someShare").get("denominator").asLong());
        assertThat(shown.get("someMean").isNull()).isTrue();
        assertThat(rules.withheld()).contains("someMean");
    }

    @Test
    void a_number_that_is_not_a_figure_is_refused_rather_than_published() {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        tree.put("rawCount", 3);
        assertThatThrownBy(() -> Resolution.exact().resolve(tree)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rawCount");
        assertThatThrownBy(() -> protectedRules(tree).resolve(tree)).isInstanceOf(IllegalStateException.class);
    }
}
