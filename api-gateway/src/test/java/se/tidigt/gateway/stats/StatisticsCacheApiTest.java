package se.tidigt.gateway.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import se.tidigt.gateway.support.SyntheticEvents;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;
import se.tidigt.query.stats.CaseStatistics;
import se.tidigt.query.stats.StatsQuery;
import se.tidigt.query.stats.effect.EffectMetric;
import se.tidigt.query.stats.effect.EffectQuery;
import se.tidigt.query.stats.effect.RolloutEffects;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every statistics answer served (from the shared snapshot of the facts and its cell summaries, and over
 * HTTP from the answers kept as bytes) equals the full-scan computation made afresh from the fact tables,
 * on a generated city, for every endpoint × filter combination, both before and after more events arrive:
 * the cache never serves an answer the facts no longer support. A context of its own, so no other test's
 * cases count.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// A property of its own, so this context (and its generated city) is not shared with another test class.
// A context of its own (the marker property), so that its cases never meet another class's.
@TestPropertySource(properties = {"tidigt.stats.suppression-threshold=5", "tidigt.test.context=statistics-cache"})
class StatisticsCacheApiTest extends ApiTest {
    private static final String[] MODELS = {null, "VALLINGBY_TEAM"};
    private static final List<Set<String>> CONCERNS = Arrays.asList(null, Set.of("SUBSTANCE_USE_RISK", "CRIME_RISK"));
    private static final LocalDate[][] PERIODS = {{null, null}, {LocalDate.of(2022, 1, 1), LocalDate.of(2022, 6, 30)},
            {LocalDate.of(2023, 3, 5), LocalDate.of(2024, 8, 17)}};
    private static final List<Set<String>> DISTRICTS = Arrays.asList(null, Set.of("jarva"), Set.of("farsta"));

    @Autowired
    CaseStatistics statistics;
    @Autowired
    RolloutEffects effects;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    @BeforeAll
    void generateACity() {
        new SyntheticEvents(serializer, transactions, jdbc, 7).named("cache-city").write(600);
        awaitStatisticsCaughtUp();
    }

    @Test
    void every_query_served_equals_the_full_scan_before_and_after_more_events() {
        List<StatsQuery> queries = queries();
        assertServedEqualsReference(queries);
        // Twice: the second time from the snapshot and summaries already held, still the same.
        assertServedEqualsReference(queries);
        String before = statistics.protectedRows(queries.get(0)).toString();

        new SyntheticEvents(serializer, transactions, jdbc, 8).named("cache-city-more").write(40);
        awaitStatisticsCaughtUp();

        assertThat(statistics.protectedRows(queries.get(0)).toString()).isNotEqualTo(before);
        assertServedEqualsReference(queries);
    }

    @Test
    void the_rollout_effect_served_equals_the_full_scan() {
        for (EffectMetric metric : EffectMetric.values()) {
            for (Set<String> concerns : CONCERNS) {
                EffectQuery query = new EffectQuery("VALLINGBY_TEAM", metric, concerns, null, null, 2026, 99);
                ObjectNode served = effects.estimate(query, null);
                assertThat(served).as(metric + " " + concerns).isEqualTo(effects.reference(query));
            }
        }
    }

    @Test
    void json_and_csv_over_http_are_the_figures_of_the_facts_before_and_after_more_events() throws Exception {
        EffectQuery effect = new EffectQuery("VALLINGBY_TEAM", EffectMetric.ACCEPTANCE_RATE, null, null, null, 2026, 99);
        StatsQuery byMonth = new StatsQuery(null, null, null, null, null, false, StatsQuery.Grouping.MONTH);
        String cityBefore = null;
        for (int round = 0; round < 2; round++) {
            // Each asked twice in each format: the second time from the bytes kept, which must be this
            // format's and this position's.
            for (int time = 0; time < 2; time++) {
                Api.Response city = as("analyst").get("/api/v1/stats/city?groupBy=month");
                Api.Response cityCsv = as("analyst").with("Accept", "text/csv").get("/api/v1/stats/city?groupBy=month");
                Api.Response rollout = as("analyst").get("/api/v1/stats/rollout-effect?replicates=99");
                Api.Response rolloutCsv = as("analyst").with("Accept", "text/csv").get("/api/v1/stats/rollout-effect?replicates=99");
                List<ObjectNode> cityReference = statistics.reference(byMonth, true);
                ObjectNode rolloutReference = effects.reference(effect);
                assertThat(city.body()).as("city, JSON, round " + round).isEqualTo(json.writeValueAsString(cityReference));
                assertThat(cityCsv.body()).as("city, CSV, round " + round).isEqualTo(StatsCsv.csv(cityReference));
                assertThat(rollout.body()).as("rollout effect, JSON, round " + round)
                        .isEqualTo(json.writeValueAsString(rolloutReference));
                assertThat(rolloutCsv.body()).as("rollout effect, CSV, round " + round)
                        .isEqualTo(StatsCsv.csv(List.of(rolloutReference)));
            }
            String city = as("analyst").get("/api/v1/stats/city?groupBy=month").body();
            if (round == 0) {
                cityBefore = city;
                new SyntheticEvents(serializer, transactions, jdbc, 9).named("cache-city-http").write(40);
                awaitStatisticsCaughtUp();
            } else {
                assertThat(city).as("computed anew at the new position").isNotEqualTo(cityBefore);
            }
        }
    }

    @Test
    void an_answer_served_over_http_twice_is_the_same() {
        for (String path : List.of("/api/v1/stats/city?groupBy=month", "/api/v1/stats/districts/farsta?from=2022-03")) {
            JsonNode first = as("analyst").get(path).json();
            assertThat(as("analyst").get(path).json()).isEqualTo(first);
        }
        JsonNode own = as("farsta-admin").get("/api/v1/stats/districts/farsta").json();
        assertThat(own.path("protection").path("method").asText()).isEqualTo("none");
        assertThat(as("farsta-admin").get("/api/v1/stats/districts/farsta").json()).isEqualTo(own);
    }

    private void assertServedEqualsReference(List<StatsQuery> queries) {
        for (StatsQuery query : queries) {
            assertThat(statistics.protectedRows(query)).as("protected " + query).isEqualTo(statistics.reference(query, true));
            assertThat(statistics.rows(query)).as("exact " + query).isEqualTo(statistics.reference(query, false));
        }
    }

    private static List<StatsQuery> queries() {
        List<StatsQuery> queries = new ArrayList<>();
        for (StatsQuery.Grouping grouping : StatsQuery.Grouping.values()) {
            for (LocalDate[] period : PERIODS) {
                for (Set<String> districts : DISTRICTS) {
                    for (String model : MODELS) {
                        for (Set<String> concerns : CONCERNS) {
                            queries.add(new StatsQuery(period[0], period[1], districts, model, concerns, false, grouping));
                        }
                    }
                }
            }
            queries.add(new StatsQuery(null, null, Set.of("rinkeby-kista"), null, null, true, grouping));
        }
        return queries;
    }

}
