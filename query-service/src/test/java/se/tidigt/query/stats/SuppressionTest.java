package se.tidigt.query.stats;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SuppressionTest {
    private final ObjectMapper json = new ObjectMapper();
    private final Suppression suppression = new Suppression(5);

    private ObjectNode row(String text) throws Exception {
        return (ObjectNode) json.readTree(text);
    }

    @Test
    void counts_from_one_to_four_are_withheld_and_zero_and_five_are_shown() throws Exception {
        ObjectNode out = suppression.apply(row("{\"group\":{\"district\":\"farsta\"},\"funnel\":{\"concerns\":5,\"offers\":4,\"declined\":0}}"));
        assertThat(out.at("/funnel/concerns").asInt()).isEqualTo(5);
        assertThat(out.at("/funnel/offers").isNull()).isTrue();
        assertThat(out.at("/funnel/declined").asInt()).isZero();
        assertThat(out.get("suppressed").asBoolean()).isTrue();
        assertThat(out.get("suppressedFields").toString()).isEqualTo("[\"funnel.offers\"]");
        assertThat(out.at("/group/district").asText()).isEqualTo("farsta");
    }

    @Test
    void a_rate_or_time_built_on_fewer_than_five_cases_is_withheld() throws Exception {
        ObjectNode out = suppression.apply(row("{\"acceptanceRate\":{\"value\":0.75,\"low\":0.3,\"high\":0.95,"
                + "\"numerator\":3,\"denominator\":4},\"leadTime\":{\"n\":12,\"medianDays\":9.0,\"p90Days\":30.0}}"));
        assertThat(out.at("/acceptanceRate/value").isNull()).isTrue();
        assertThat(out.at("/acceptanceRate/low").isNull()).isTrue();
        assertThat(out.at("/acceptanceRate/denominator").isNull()).isTrue();
        assertThat(out.at("/leadTime/medianDays").asDouble()).isEqualTo(9.0);
    }

    @Test
    void a_row_with_nothing_small_is_not_marked() throws Exception {
        ObjectNode out = suppression.apply(row("{\"funnel\":{\"concerns\":50},\"rate\":{\"value\":0.5,\"numerator\":25,\"denominator\":50}}"));
        assertThat(out.get("suppressed").asBoolean()).isFalse();
        assertThat(out.at("/rate/value").asDouble()).isEqualTo(0.5);
    }
}
