package se.tidigt.demo;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.bean.override.convention.TestBean;
import se.tidigt.gateway.support.DemoCityTest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The demo city built on another day than today (the application's clock fixed in spring 2025, with
 * a different month, day and year than {@link DemoDataApiTest}'s run on the real date): the built-in
 * effect is recovered on any day the city is built, not only on the one it was tuned on.
 */
class DemoCityOnAnotherDayTest extends DemoCityTest {
    static final Instant ANOTHER_DAY = Instant.parse("2025-04-17T09:30:00Z");

    @TestBean(name = "clock", methodName = "anotherDay")
    Clock clock;

    static Clock anotherDay() {
        return Clock.fixed(ANOTHER_DAY, ZoneOffset.UTC);
    }

    @Test
    void the_rollout_effect_on_acceptance_is_recovered_when_the_city_is_built_on_another_day() {
        JsonNode effect = as("analyst").get("/api/v1/stats/rollout-effect?workModel=VALLINGBY_TEAM&metric=acceptanceRate").json();
        JsonNode aggregate = effect.path("aggregate");
        double builtIn = Intake.TEAM_ACCEPTANCE - Intake.ORDINARY_ACCEPTANCE;
        System.out.printf("Demo rollout effect on acceptance, city built on %s: %s%n", ANOTHER_DAY, aggregate);
        assertThat(effect.path("lastCompleteMonth").asText()).as("read up to the fixed clock's last month")
                .isEqualTo("2025-03");
        double att = aggregate.path("att").asDouble();
        double low = aggregate.path("low").asDouble();
        double high = aggregate.path("high").asDouble();
        assertThat(aggregate.path("att").isNumber()).as(aggregate.toString()).isTrue();
        assertThat(att).as(aggregate.toString()).isCloseTo(builtIn, within(0.08));
        assertThat(low).as(aggregate.toString()).isGreaterThanOrEqualTo(-1).isLessThanOrEqualTo(att);
        assertThat(high).as(aggregate.toString()).isLessThanOrEqualTo(1).isGreaterThanOrEqualTo(att);
        assertThat(high - low).as("interval width " + aggregate).isLessThanOrEqualTo(0.20 + 1e-9);
    }
}
