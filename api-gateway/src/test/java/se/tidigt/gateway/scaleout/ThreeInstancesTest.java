package se.tidigt.gateway.scaleout;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApplicationProcess;
import se.tidigt.gateway.support.SharedDatabase;
import se.tidigt.gateway.support.WriteLoad;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tidigt.gateway.support.CaseRequests.concern;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;

/**
 * Three instances of the application, as separate processes on loopback, against one PostgreSQL
 * database, started at the same moment on an empty one (no token table rows, no schema): all start,
 * commands are accepted on any of them with versions that hold across them, the statistics
 * projection's segments are spread over them, a killed instance's segments are taken over by the
 * others, and the statistics the cluster built equal a single instance's rebuild from the same events.
 * The steps build on each other, in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThreeInstancesTest {
    private static final Duration START = Duration.ofSeconds(150);
    private static final String STATS = "/api/v1/stats/districts/hasselby-vallingby";

    private final SharedDatabase database = SharedDatabase.fresh();
    private final List<ApplicationProcess> instances = new ArrayList<>();
    private ApplicationProcess killed;

    @BeforeAll
    void startThreeAtOnce() {
        for (int i = 1; i <= 3; i++) {
            instances.add(database.instance("cluster-" + i).start());
        }
        instances.forEach(instance -> instance.awaitReady(START));
    }

    @AfterAll
    void stopAll() {
        instances.stream().filter(ApplicationProcess::isAlive).forEach(ApplicationProcess::stop);
    }

    @Test
    @Order(1)
    void three_instances_started_at_once_on_an_empty_database_all_run_the_statistics() throws Exception {
        for (ApplicationProcess instance : instances) {
            JsonNode statistics = statistics(instance);
            assertThat(statistics.get("running").asBoolean()).as("case-statistics runs on %s", instance).isTrue();
            assertThat(statistics.get("error").asBoolean()).as("case-statistics in error on %s", instance).isFalse();
            assertThat(Files.readString(instance.log())).as("log of %s", instance)
                    .doesNotContain("UnableToRetrieveIdentifierException").doesNotContain("ERROR");
        }
        assertThat(statistics(instances.get(0)).get("segments")).hasSize(4);
    }

    @Test
    @Order(2)
    void a_case_raised_on_one_instance_is_answered_and_written_on_the_others() {
        Api one = instances.get(0).as("hv-admin");
        Api two = instances.get(1).as("hv-admin");
        Api three = instances.get(2).as("hv-admin");
        Api.Response raised = one.post("/api/v1/districts/hasselby-vallingby/cases", concern(daysAgo(4)));
        assertThat(raised.status()).isEqualTo(201);
        String caseId = raised.json().get("caseId").asText();

        Api.Response read = two.get("/api/v1/cases/" + caseId);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");

        Api.Response written = three.with("If-Match", "\"1\"").post("/api/v1/cases/" + caseId + "/protection-assessment",
                Map.of("assessedAt", daysAgo(3).toString(), "immediateProtectionNeeded", false));
        assertThat(written.status()).isEqualTo(200);
        assertThat(written.header("ETag")).isEqualTo("\"2\"");

        Api.Response stale = two.with("If-Match", "\"1\"").post("/api/v1/cases/" + caseId + "/workers",
                Map.of("workerId", "w-1", "function", "INTAKE", "assignedAt", daysAgo(2).toString()));
        assertThat(stale.status()).as("a version another instance moved on is stale here too").isEqualTo(412);
        assertThat(one.get("/api/v1/cases/" + caseId).json().get("version").asLong()).isEqualTo(2);
    }

    @Test
    @Order(3)
    void the_statistics_segments_are_spread_over_the_instances() throws Exception {
        Set<String> expected = new HashSet<>(instances.stream().map(ThreeInstancesTest::nodeId).toList());
        Set<String> owners = awaitOwners(seen -> seen.equals(expected), Duration.ofSeconds(60));
        assertThat(owners).as("each instance owns a segment, named by pid@host").isEqualTo(expected);
    }

    @Test
    @Order(4)
    void a_killed_instance_s_segments_are_taken_over() throws Exception {
        WriteLoad load = WriteLoad.start(6, i -> instances.get(i % 3).as("hv-admin"));
        load.awaitAcknowledged(60, 30_000);
        killed = instances.get(0);
        String dead = nodeId(killed);
        assertThat(killed.kill()).isEqualTo(ApplicationProcess.KILLED);
        long killedAt = System.nanoTime();
        List<ApplicationProcess> survivors = instances.subList(1, 3);
        Set<String> expected = new HashSet<>(survivors.stream().map(ThreeInstancesTest::nodeId).toList());
        // The survivors keep writing meanwhile (the killed one's clients have lost their connection).
        Set<String> owners = awaitOwners(o -> o.equals(expected), Duration.ofSeconds(90));
        double takeover = (System.nanoTime() - killedAt) / 1e9;
        load.stop();
        WriteLoad more = WriteLoad.start(4, i -> survivors.get(i % 2).as("hv-admin")).awaitAcknowledged(40, 20_000).stop();
        System.out.printf("three instances: %d + %d writes acknowledged; segments of the killed instance taken over in"
                + " %.1f s%n", load.writes(), more.writes(), takeover);
        assertThat(owners).doesNotContain(dead).isEqualTo(expected);
        assertThat(load.refused()).isEmpty();
        assertThat(more.refused()).isEmpty();

        for (Map.Entry<String, Long> acknowledged : load.acknowledged().entrySet()) {
            Api.Response view = survivors.get(0).as("hv-admin").get("/api/v1/cases/" + acknowledged.getKey());
            assertThat(view.status()).isEqualTo(200);
            assertThat(view.json().get("version").asLong()).isGreaterThanOrEqualTo(acknowledged.getValue());
        }
        database.awaitStatisticsConverged(survivors.get(0));
    }

    @Test
    @Order(5)
    void a_replay_waits_for_one_instance_and_its_statistics_equal_the_cluster_s() throws Exception {
        ApplicationProcess single = instances.get(1);
        String district = single.as("hv-admin").get(STATS).body();
        String city = single.as("admin").get("/api/v1/stats/city").body();
        assertThat(single.as("hv-admin").get(STATS).json().at("/funnel/concerns").asLong()).isPositive();

        Api admin = single.as("admin");
        Api.Response refused = admin.post("/api/v1/admin/projections/case-statistics/replay", "");
        assertThat(refused.status()).as("a replay while another instance runs the projection").isEqualTo(409);
        assertThat(refused.json().get("type").asText()).endsWith("replay-needs-every-segment");
        assertThat(refused.json().get("detail").asText()).contains(instances.get(2).pid() + "@");

        // One instance alone (the other stopped, its claims released), rebuilding from the first event.
        instances.get(2).stop();
        assertThat(admin.post("/api/v1/admin/projections/case-statistics/replay", "").status()).isEqualTo(202);
        long deadline = System.currentTimeMillis() + 60_000;
        JsonNode statistics = statistics(single);
        // A streaming processor's replay is STARTED once reset; it has rebuilt when it no longer replays and has no lag.
        while (System.currentTimeMillis() < deadline && (statistics.get("replaying").asBoolean()
                || "RUNNING".equals(statistics.at("/replay/state").asText()) || statistics.get("lag").asLong() > 0)) {
            Thread.sleep(250);
            statistics = statistics(single);
        }
        assertThat(statistics.at("/replay/state").asText()).as("replay: %s", statistics).isIn("STARTED", "DONE");
        assertThat(statistics.get("replaying").asBoolean()).as("replay: %s", statistics).isFalse();
        database.awaitStatisticsConverged(single);
        assertThat(database.currentStatistics(single.as("hv-admin"), STATS)).as("the district's exact figures").isEqualTo(district);
        assertThat(database.currentStatistics(single.as("admin"), "/api/v1/stats/city")).as("the city's figures").isEqualTo(city);
    }

    private static String nodeId(ApplicationProcess instance) {
        return instance.pid() + "@";
    }

    private JsonNode statistics(ApplicationProcess instance) {
        return SharedDatabase.projection(instance, "case-statistics");
    }

    /** The segments' owners as pid prefixes ("1234@"), once {@code done} holds or the time is up. */
    private Set<String> awaitOwners(java.util.function.Predicate<Set<String>> done, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        Set<String> owners = Set.of();
        while (System.nanoTime() < deadline) {
            ApplicationProcess alive = instances.stream().filter(ApplicationProcess::isAlive).findFirst().orElseThrow();
            owners = new HashSet<>();
            for (JsonNode segment : statistics(alive).get("segments")) {
                String owner = segment.path("owner").asText("");
                owners.add(owner.contains("@") ? owner.substring(0, owner.indexOf('@') + 1) : owner);
            }
            if (done.test(owners)) {
                return owners;
            }
            Thread.sleep(200);
        }
        return owners;
    }
}
