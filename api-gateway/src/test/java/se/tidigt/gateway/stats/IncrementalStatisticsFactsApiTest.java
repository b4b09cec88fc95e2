package se.tidigt.gateway.stats;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import se.tidigt.gateway.support.SyntheticEvents;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;
import se.tidigt.query.stats.CaseFact;
import se.tidigt.query.stats.CaseFacts;
import se.tidigt.query.stats.CaseStatistics;
import se.tidigt.query.stats.StatisticsCache;
import se.tidigt.query.stats.StatsQuery;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The facts the statistics are computed from, kept in memory and brought forward by reading only the
 * cases stamped after the position held (V245), always equal a full reload of the fact tables: after
 * new cases written by four segments at once, after changes to existing cases (offers, workers,
 * collaborations, a transfer), after an erasure (the case's child changes: both pseudonyms are in the
 * delta), and after a reset and replay (which deletes every row: a full reload). Also: the bytes served
 * from the answer cache equal the answer computed afresh. A context of its own (the property below).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// A context of its own (the marker property), so that its cases never meet another class's.
@TestPropertySource(properties = {"tidigt.stats.suppression-threshold=5", "tidigt.test.context=incremental-facts"})
class IncrementalStatisticsFactsApiTest extends ApiTest {
    @Autowired
    StatisticsCache cache;
    @Autowired
    CaseFacts facts;
    @Autowired
    CaseStatistics statistics;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    @BeforeAll
    void generateACity() {
        new SyntheticEvents(serializer, transactions, jdbc, 11).named("delta-city").write(400);
        awaitStatisticsCaughtUp();
    }

    @Test
    @Order(1)
    void new_cases_written_by_concurrent_segments_arrive_as_deltas_equal_to_a_full_reload() {
        StatisticsCache.FactsSnapshot before = cache.snapshot(facts);
        assertThat(before.facts()).isEqualTo(facts.all());

        new SyntheticEvents(serializer, transactions, jdbc, 12).named("delta-more").write(300);
        // Read while the segments are still writing: each read applies what committed since the one before,
        // and wherever a full reload in one snapshot sees the same position, it sees the same facts.
        AtomicInteger deltas = new AtomicInteger();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20)).until(() -> {
            StatisticsCache.FactsSnapshot now = cache.snapshot(facts);
            if (!now.delta().fullReload() && now.delta().toPosition() > now.delta().fromPosition()) {
                deltas.incrementAndGet();
            }
            assertEqualsFullReloadIfStill(now);
            return statisticsProjection().get("lag").asLong() == 0;
        });
        StatisticsCache.FactsSnapshot after = cache.snapshot(facts);
        assertThat(after.facts()).isEqualTo(facts.all());
        assertThat(after.facts()).hasSizeGreaterThan(before.facts().size());
        assertThat(deltas.get()).as("facts brought forward without a full reload").isPositive();
        assertThat(after.generation()).isEqualTo(before.generation());
    }

    @Test
    @Order(2)
    void changes_to_existing_cases_a_transfer_and_an_erasure_arrive_as_deltas_naming_both_children() {
        Api hv = hv();
        String child = CaseScript.child(LocalDate.of(2014, 5, 1), 4242);
        CaseScript first = CaseScript.raise(hv, "hasselby-vallingby", "2025-02-03T09:00:00Z", child);
        CaseScript second = CaseScript.raise(hv, "hasselby-vallingby", "2025-03-03T09:00:00Z", child, "NEGLECT");
        StatisticsCache.FactsSnapshot raised = awaitSnapshotWith(first.caseId(), second.caseId());
        String pseudonym = factOf(raised, first.caseId()).child();
        assertThat(factOf(raised, second.caseId()).child()).isEqualTo(pseudonym);

        first.protection("2025-02-03T10:00:00Z").initial("2025-02-05T10:00:00Z", "EARLY_SUPPORT")
                .offer("2025-02-10T10:00:00Z").accept("2025-02-12T10:00:00Z")
                .collaboration("SCHOOL", "2025-02-13T10:00:00Z").worker("w-delta-1", "2025-02-13T10:00:00Z");
        second.transfer("farsta", "2025-03-10T10:00:00Z");
        StatisticsCache.FactsSnapshot changed = awaitSnapshot(s -> factOf(s, first.caseId()).collaborations().size() == 1
                && !factOf(s, first.caseId()).offers().isEmpty() && factOf(s, first.caseId()).workers() == 1
                && "farsta".equals(factOf(s, second.caseId()).currentDistrict()));
        assertThat(changed.facts()).isEqualTo(facts.all());
        assertThat(factOf(changed, first.caseId()).offers().get(0).answer()).isEqualTo("ACCEPTED");

        long beforeErasure = cache.snapshot(facts).position();
        Api.Response erased = as("admin").delete("/api/v1/cases/" + first.caseId() + "/personal-data");
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        StatisticsCache.FactsSnapshot afterErasure = awaitSnapshot(s -> !factOf(s, first.caseId()).child().equals(pseudonym));
        assertThat(afterErasure.facts()).isEqualTo(facts.all());
        assertThat(afterErasure.delta().fullReload()).isFalse();
        assertThat(afterErasure.delta().fromPosition()).isGreaterThanOrEqualTo(beforeErasure);
        assertThat(afterErasure.delta().children()).as("the child the case left and the one it has now")
                .contains(pseudonym, factOf(afterErasure, first.caseId()).child());
        assertThat(factOf(afterErasure, second.caseId()).child()).isEqualTo(pseudonym);
    }

    @Test
    @Order(3)
    void a_reset_and_replay_deletes_every_row_and_the_facts_are_reloaded_whole() {
        StatisticsCache.FactsSnapshot before = cache.snapshot(facts);
        List<CaseFact> live = facts.all();
        assertThat(before.facts()).isEqualTo(live);

        Api.Response accepted = as("admin").post("/api/v1/admin/projections/case-statistics/replay", Map.of());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        // Done when the reset has been seen (a new generation) and the replay has caught up again.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20)).until(() -> {
            StatisticsCache.FactsSnapshot now = cache.snapshot(facts);
            assertEqualsFullReloadIfStill(now);
            return now.generation() > before.generation() && replayed() && statisticsProjection().get("lag").asLong() == 0
                    && cache.snapshot(facts).facts().equals(live);
        });
        StatisticsCache.FactsSnapshot after = cache.snapshot(facts);
        assertThat(after.generation()).as("the reset moved the generation").isGreaterThan(before.generation());
        assertThat(after.facts()).isEqualTo(facts.all()).isEqualTo(live);
    }

    @Test
    @Order(4)
    void the_bytes_served_from_the_cache_equal_the_answer_computed_afresh() throws Exception {
        awaitStatisticsCaughtUp();
        long position = cache.snapshot(facts).position();
        StatsQuery city = new StatsQuery(null, null, null, null, null, false, StatsQuery.Grouping.MONTH);
        for (int time = 0; time < 2; time++) {
            Api.Response served = as("analyst").get("/api/v1/stats/city?groupBy=month");
            assertThat(served.status()).isEqualTo(200);
            assertThat(served.body()).isEqualTo(json.writeValueAsString(statistics.reference(city, true)));
        }
        StatsQuery farsta = new StatsQuery(LocalDate.of(2022, 3, 1), null, java.util.Set.of("farsta"), null, null, false,
                StatsQuery.Grouping.DISTRICT);
        for (int time = 0; time < 2; time++) {
            Api.Response served = as("analyst").get("/api/v1/stats/districts/farsta?from=2022-03");
            assertThat(served.body()).isEqualTo(json.writeValueAsString(statistics.reference(farsta, true).get(0)));
            Api.Response csv = as("analyst").with("Accept", "text/csv").get("/api/v1/stats/districts/farsta?from=2022-03");
            assertThat(csv.body()).isEqualTo(StatsCsv.csv(statistics.reference(farsta, true)));
        }
        assertThat(cache.snapshot(facts).position()).as("no write in between: served and reference of one state")
                .isEqualTo(position);
    }

    /** In one repeatable-read snapshot: if the position is still the snapshot's, a full reload equals its facts. */
    private void assertEqualsFullReloadIfStill(StatisticsCache.FactsSnapshot snapshot) {
        TransactionTemplate read = new TransactionTemplate(transactionManager);
        read.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        read.setReadOnly(true);
        read.executeWithoutResult(status -> {
            Long position = jdbc.queryForObject("SELECT version FROM statistics_position WHERE id = 1", Long.class);
            if (position != null && position == snapshot.position()) {
                assertThat(snapshot.facts()).as("facts at position " + position).isEqualTo(facts.all());
            }
        });
    }

    private StatisticsCache.FactsSnapshot awaitSnapshotWith(String... caseIds) {
        return awaitSnapshot(s -> java.util.Arrays.stream(caseIds).allMatch(id -> s.facts().stream()
                .anyMatch(f -> f.caseId().equals(id))));
    }

    private StatisticsCache.FactsSnapshot awaitSnapshot(java.util.function.Predicate<StatisticsCache.FactsSnapshot> ready) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            StatisticsCache.FactsSnapshot now = cache.snapshot(facts);
            assertEqualsFullReloadIfStill(now);
            return now;
        }, now -> {
            try {
                return ready.test(now);
            } catch (IllegalStateException absent) {
                return false;
            }
        });
    }

    private static CaseFact factOf(StatisticsCache.FactsSnapshot snapshot, String caseId) {
        return snapshot.facts().stream().filter(f -> f.caseId().equals(caseId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No fact yet for " + caseId));
    }

    private boolean replayed() {
        var projection = statisticsProjection();
        return !projection.path("replaying").asBoolean(false)
                && !"RUNNING".equals(projection.path("replay").path("state").asText());
    }
}
