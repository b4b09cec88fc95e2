package se.tidigt.gateway.spread;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The parameters in configuration: checked at start, and read whichever way the deployment spells the name. */
class SpreadParametersTest {

    @Test
    void a_configured_value_replaces_the_default_and_says_it_was_configured() {
        SpreadParameters parameters = new SpreadParameters(new MockEnvironment()
                .withProperty("tidigt.spread.parameters.hvbcostperday", "5200")
                .withProperty("tidigt.spread.parameters.discount-rate", "0.04"));
        SpreadParameters.Values values = parameters.resolve(null);
        assertThat(values.get(SpreadParameter.HVB_COST_PER_DAY)).isEqualTo(5200);
        assertThat(values.get(SpreadParameter.DISCOUNT_RATE)).isEqualTo(0.04);
        assertThat(values.get(SpreadParameter.FAMILY_HOME_COST_PER_DAY)).isEqualTo(SpreadParameter.FAMILY_HOME_COST_PER_DAY.defaultValue());
        assertThat(values.listed()).filteredOn(p -> p.name().equals("hvbCostPerDay")).singleElement()
                .satisfies(p -> assertThat(p.setIn()).isEqualTo("configuration"));
    }

    @Test
    void an_unknown_name_or_a_value_out_of_range_stops_the_start_with_the_name() {
        assertThatThrownBy(() -> new SpreadParameters(new MockEnvironment().withProperty("tidigt.spread.parameters.hvbCost", "1")))
                .hasMessageContaining("tidigt.spread.parameters.hvbCost");
        assertThatThrownBy(() -> new SpreadParameters(new MockEnvironment().withProperty("tidigt.spread.parameters.discountRate", "2")))
                .hasMessageContaining("discountRate").hasMessageContaining("from 0 to 0.2");
        assertThatThrownBy(() -> new SpreadParameters(new MockEnvironment().withProperty("tidigt.spread.parameters.discountRate", "low")))
                .hasMessageContaining("discountRate");
    }
}
