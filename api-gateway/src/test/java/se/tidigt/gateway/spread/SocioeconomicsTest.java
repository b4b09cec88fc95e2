package se.tidigt.gateway.spread;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import se.tidigt.gateway.spread.SpreadAnswers.Figure;
import se.tidigt.gateway.spread.SpreadAnswers.Socioeconomic;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The socio-economic view worked by hand: avoided days priced per payer, present values, net and break-even. */
class SocioeconomicsTest {
    private static final SpreadParameters.Values DEFAULTS = new SpreadParameters(new MockEnvironment()).resolve(null);

    @Test
    void avoided_days_are_priced_per_payer_and_discounted_from_the_year_savings_begin() {
        Figure days = new Figure(100.0, 50.0, 150.0, 40L, DistrictFigures.DAYS, null);
        Figure cost = Figures.exact(200_000, 40L, "SEK/year");
        Socioeconomic s = Socioeconomics.of(days, cost, DEFAULTS, 5);

        // municipality: 100 × (0.35 × 4 500 + 0.65 × 1 600) = 261 500; region: 100 × 150; state: 100 × 0.3 × 3 000
        assertThat(s.avoidedCostsPerYearSek().municipality().value()).isCloseTo(261_500, within(1e-6));
        assertThat(s.avoidedCostsPerYearSek().municipality().low()).isCloseTo(130_750, within(1e-6));
        assertThat(s.avoidedCostsPerYearSek().region().value()).isCloseTo(15_000, within(1e-6));
        assertThat(s.avoidedCostsPerYearSek().state().value()).isCloseTo(90_000, within(1e-6));
        assertThat(s.avoidedCostsPerYearSek().state().n()).isEqualTo(40L);

        // savings from year 2 (a year's lag), costs from year 1, at 3.5 %
        double savings = 0;
        double costs = 0;
        for (int t = 1; t <= 5; t++) {
            double discount = 1 / Math.pow(1.035, t);
            costs += discount;
            savings += t >= 2 ? discount : 0;
        }
        assertThat(s.presentValueSek().municipality().value()).isCloseTo(261_500 * savings, within(1e-6));
        assertThat(s.netPresentValueSek().value()).isCloseTo(366_500 * savings - 200_000 * costs, within(1e-6));
        assertThat(s.netPresentValueSek().low()).isCloseTo(183_250 * savings - 200_000 * costs, within(1e-6));
        // year 1: -200 000; then +166 500 a year (discounted): the sum turns positive in year 3 at the estimate,
        // in year 2 at the effect's high bound, and never within five years at its low bound (-16 750 a year)
        assertThat(s.breakEvenYear().value()).isEqualTo(3.0);
        assertThat(s.breakEvenYear().low()).isEqualTo(2.0);
        assertThat(s.breakEvenYear().high()).isNull();
    }

    @Test
    void unknown_days_leave_every_figure_unknown_with_the_reason() {
        Figure days = Figure.unknown(DistrictFigures.DAYS, "The evidence engine withholds this effect.");
        Socioeconomic s = Socioeconomics.of(days, Figures.exact(1, null, "SEK/year"), DEFAULTS, 5);
        assertThat(s.netPresentValueSek().value()).isNull();
        assertThat(s.reason()).contains("withholds");
        assertThat(s.avoidedCostsPerYearSek().region().reason()).contains("withholds");
    }

    @Test
    void a_request_override_changes_the_price_and_says_where_it_was_set() {
        SpreadParameters.Values values = new SpreadParameters(new MockEnvironment())
                .resolve(Map.of("hvbShareOfDays", com.fasterxml.jackson.databind.node.DoubleNode.valueOf(1.0)));
        Figure days = Figures.exact(10, 5L, DistrictFigures.DAYS);
        assertThat(Socioeconomics.avoidedPerYear(days, values).municipality().value()).isCloseTo(45_000, within(1e-6));
        assertThat(values.origins().get(SpreadParameter.HVB_SHARE_OF_DAYS)).isEqualTo("request");
    }
}
