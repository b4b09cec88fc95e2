package se.tidigt.gateway.cases;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;
import se.tidigt.gateway.support.EventStoreCounter;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tidigt.gateway.support.CaseRequests.concern;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;
import static se.tidigt.gateway.support.ProblemAssertions.assertProblem;
import static se.tidigt.gateway.support.ProblemAssertions.fields;
import static se.tidigt.gateway.support.ProblemAssertions.refusedStoringNothing;

/**
 * Out-of-home placements through the case API: started with 201 and a placement id, ended once after the
 * start; refused input stores nothing; another district's case is 404 whatever the body; a retry replays
 * the first answer; a stale version is 412; the auditor's history lists both events.
 */
@TestPropertySource(properties = "tidigt.test.context=placements")
class PlacementsApiTest extends ApiTest {
    private static final String CASES = "/api/v1/districts/hasselby-vallingby/cases";

    @Autowired
    JdbcTemplate jdbc;
    private EventStoreCounter store;
    private String caseId;
    private Instant received;

    @BeforeEach
    void aCase() {
        store = new EventStoreCounter(jdbc);
        received = daysAgo(100);
        caseId = hv().post(CASES, concern(received)).json().get("caseId").asText();
    }

    private Api.Response place(Api as, Instant at, String kind, Object compulsory) {
        return as.post("/api/v1/cases/" + caseId + "/placements",
                Map.of("startedAt", at.toString(), "kind", kind, "compulsory", compulsory));
    }

    private Api.Response end(Api as, String placementId, Instant at) {
        return as.post("/api/v1/cases/" + caseId + "/placements/" + placementId + "/end", Map.of("endedAt", at.toString()));
    }

    @Test
    void a_placement_starts_with_201_and_its_id_and_ends_after_its_start() {
        Api.Response started = place(hv(), daysAgo(60), "HVB", true);

        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        JsonNode body = started.json();
        assertThat(body.get("caseId").asText()).isEqualTo(caseId);
        assertThat(body.get("placementId").asText()).isNotBlank();
        assertThat(body.get("version").asLong()).isEqualTo(2);
        Api.Response ended = end(hv(), body.get("placementId").asText(), daysAgo(20));
        assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
        assertThat(ended.json().get("version").asLong()).isEqualTo(3);

        JsonNode view = hv().get("/api/v1/cases/" + caseId).json();
        assertThat(view.at("/progress/placements/0/placementId").asText()).isEqualTo(body.get("placementId").asText());
        assertThat(view.at("/progress/placements/0/kind").asText()).isEqualTo("HVB");
        assertThat(view.at("/progress/placements/0/compulsory").asBoolean()).isTrue();
        assertThat(Instant.parse(view.at("/progress/placements/0/endedAt").asText())).isAfter(
                Instant.parse(view.at("/progress/placements/0/startedAt").asText()));
        assertThat(view.get("version").asLong()).isEqualTo(3);
        JsonNode history = as("auditor").get("/api/v1/audit/cases/" + caseId + "/history").json();
        assertThat(history.get("events").findValuesAsText("type"))
                .containsExactly("ConcernRaised", "PlacementStarted", "PlacementEnded");
        assertThat(history.at("/events/1/payload/kind").asText()).isEqualTo("HVB");
        assertThat(history.at("/events/1/payload/compulsory").asBoolean()).isTrue();
    }

    @Test
    void hostile_or_incomplete_input_is_400_naming_the_field_and_stores_nothing() {
        assertThat(fields(refused(400, () -> hv().post("/api/v1/cases/" + caseId + "/placements", Map.of()))))
                .containsExactly("compulsory", "kind", "startedAt");
        assertThat(fields(refused(400, () -> place(hv(), daysAgo(5), "PRISON", false)))).containsExactly("kind");
        assertThat(fields(refused(400, () -> place(hv(), daysAgo(5), "HVB", "true")))).containsExactly("compulsory");
        assertThat(fields(refused(400, () -> place(hv(), daysAgo(5), "HVB", 1)))).containsExactly("compulsory");
        assertThat(fields(refused(400, () -> place(hv(), daysAgo(-2), "HVB", false)))).containsExactly("startedAt");
        assertThat(fields(refused(400, () -> place(hv(), received.minusSeconds(3600), "HVB", false))))
                .containsExactly("startedAt");
        assertThat(fields(refused(400, () -> hv().postRaw("/api/v1/cases/" + caseId + "/placements",
                "{\"startedAt\":\"" + daysAgo(5) + "\",\"kind\":\"HVB\",\"kind\":\"FAMILY_HOME\",\"compulsory\":false}",
                "application/json")))).as("a key twice").isNotNull();
    }

    @Test
    void the_end_follows_the_start_once_and_only_for_a_placement_the_case_has() {
        String placementId = place(hv(), daysAgo(60), "FAMILY_HOME", false).json().get("placementId").asText();

        assertThat(fields(refused(400, () -> end(hv(), placementId, daysAgo(61))))).containsExactly("endedAt");
        assertThat(refused(409, () -> end(hv(), "no-such-placement", daysAgo(10))).get("rule").asText())
                .isEqualTo("unknown-placement");
        assertThat(refused(409, () -> place(hv(), daysAgo(50), "HVB", false)).get("rule").asText())
                .isEqualTo("placement-already-running");
        assertThat(end(hv(), placementId, daysAgo(30)).status()).isEqualTo(200);
        assertThat(refused(409, () -> end(hv(), placementId, daysAgo(29))).get("rule").asText())
                .isEqualTo("placement-already-ended");
        assertThat(fields(refused(400, () -> place(hv(), daysAgo(31), "HVB", false)))).as("before the last one ended")
                .containsExactly("startedAt");
    }

    @Test
    void another_districts_case_is_404_before_its_body_is_read() {
        refused(404, () -> place(as("farsta-admin"), daysAgo(5), "HVB", false));
        refused(404, () -> as("farsta-admin").post("/api/v1/cases/" + caseId + "/placements", Map.of("kind", "PRISON")));
        refused(404, () -> end(as("farsta-admin"), UUID.randomUUID().toString(), daysAgo(5)));
        refused(404, () -> hv().post("/api/v1/cases/no-such-case/placements", Map.of()));
    }

    @Test
    void a_retry_with_the_same_key_replays_the_first_answer_and_places_once() {
        Api keyed = hv().with("Idempotency-Key", UUID.randomUUID().toString());
        Instant startedAt = daysAgo(40);
        Api.Response first = place(keyed, startedAt, "SUPPORTED_HOUSING", false);
        long events = store.events();

        Api.Response retry = place(keyed, startedAt, "SUPPORTED_HOUSING", false);

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(store.events()).isEqualTo(events);
        assertProblem(place(keyed, startedAt.minusSeconds(86_400), "SUPPORTED_HOUSING", false), 409);
    }

    @Test
    void a_stale_version_is_412_and_the_current_one_is_accepted() {
        refused(412, () -> place(hv().with("If-Match", "\"7\""), daysAgo(40), "HVB", true));
        Api.Response placed = place(hv().with("If-Match", "\"1\""), daysAgo(40), "HVB", true);
        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.header("ETag")).isEqualTo("\"2\"");
        String placementId = placed.json().get("placementId").asText();
        JsonNode problem = refused(412, () -> end(hv().with("If-Match", "\"1\""), placementId, daysAgo(10)));
        assertThat(problem.get("type").asText()).endsWith("version-mismatch");
    }

    @Test
    void placements_are_imported_with_their_true_dates_and_the_same_rules() {
        String line = "{\"type\":\"%s\",\"caseId\":\"" + caseId + "\",\"placementId\":\"p-1\",%s}";
        String ndjson = String.join("\n",
                line.formatted("StartPlacement", "\"startedAt\":\"" + daysAgo(90) + "\",\"kind\":\"HVB\",\"compulsory\":true"),
                line.formatted("EndPlacement", "\"endedAt\":\"" + daysAgo(95) + "\""),
                line.formatted("EndPlacement", "\"endedAt\":\"" + daysAgo(30) + "\""),
                line.formatted("EndPlacement", "\"endedAt\":\"" + daysAgo(29) + "\""));

        JsonNode report = hv().postRaw("/api/v1/import", ndjson, "application/x-ndjson").json();

        assertThat(report.get("stored").asInt()).as(report.toString()).isEqualTo(2);
        assertThat(report.at("/results/0/status").asInt()).isEqualTo(201);
        assertThat(report.at("/results/0/result/placementId").asText()).as(report.toString()).isEqualTo("p-1");
        assertThat(report.at("/results/1/problem/errors/0/field").asText()).isEqualTo("endedAt");
        assertThat(report.at("/results/3/problem/rule").asText()).isEqualTo("placement-already-ended");
    }

    private JsonNode refused(int status, Supplier<Api.Response> request) {
        return refusedStoringNothing(store, status, request);
    }
}
