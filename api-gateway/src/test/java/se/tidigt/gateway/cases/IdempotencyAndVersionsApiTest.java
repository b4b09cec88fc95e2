package se.tidigt.gateway.cases;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;
import se.tidigt.gateway.support.EventStoreCounter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tidigt.gateway.support.ProblemAssertions.assertProblem;
import static se.tidigt.gateway.support.CaseRequests.concern;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;

/** Retries, stale versions and concurrent writers never duplicate or corrupt a case. */
class IdempotencyAndVersionsApiTest extends ApiTest {
    private static final String CASES = "/api/v1/districts/hasselby-vallingby/cases";

    @Autowired
    JdbcTemplate jdbc;
    private EventStoreCounter store;

    @BeforeEach
    void counter() {
        store = new EventStoreCounter(jdbc);
    }

    @Test
    void a_retry_with_the_same_key_returns_the_first_answer_and_stores_nothing() {
        Api hv = hv().with("Idempotency-Key", UUID.randomUUID().toString());
        Map<String, Object> body = concern(daysAgo(2));
        Api.Response first = hv.post(CASES, body);
        long events = store.events();

        Api.Response retry = hv.post(CASES, body);

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(store.events()).isEqualTo(events);
    }

    @Test
    void the_same_key_with_another_body_is_409_and_stores_nothing() {
        Api hv = hv().with("Idempotency-Key", UUID.randomUUID().toString());
        hv.post(CASES, concern(daysAgo(2)));
        long stored = store.stored();

        assertProblem(hv.post(CASES, concern(daysAgo(3))), 409);
        assertThat(store.stored()).isEqualTo(stored);
    }

    @Test
    void concurrent_retries_with_one_key_store_the_write_once() throws Exception {
        Api hv = hv().with("Idempotency-Key", UUID.randomUUID().toString());
        Map<String, Object> body = concern(daysAgo(2));
        long events = store.events();
        List<Api.Response> answers = inParallel(8, () -> hv.post(CASES, body));

        assertThat(answers).extracting(Api.Response::status).containsOnly(201);
        assertThat(answers).extracting(r -> r.json().get("caseId").asText()).containsOnly(
                answers.get(0).json().get("caseId").asText());
        assertThat(store.events()).isEqualTo(events + 1);
    }

    @Test
    void if_match_with_the_current_version_is_accepted() {
        String caseId = hv().post(CASES, concern(daysAgo(2))).json().get("caseId").asText();
        Api.Response answer = hv().with("If-Match", "\"1\"").post("/api/v1/cases/" + caseId + "/protection-assessment",
                Map.of("assessedAt", daysAgo(1).toString(), "immediateProtectionNeeded", false));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void if_match_with_a_stale_version_is_412_and_stores_nothing() {
        String caseId = hv().post(CASES, concern(daysAgo(2))).json().get("caseId").asText();
        hv().post("/api/v1/cases/" + caseId + "/workers",
                Map.of("workerId", "w-1", "function", "INTAKE", "assignedAt", daysAgo(1).toString()));
        long stored = store.stored();

        JsonNode problem = assertProblem(hv().with("If-Match", "\"1\"").post("/api/v1/cases/" + caseId + "/protection-assessment",
                Map.of("assessedAt", daysAgo(1).toString(), "immediateProtectionNeeded", false)), 412);

        assertThat(problem.get("type").asText()).endsWith("version-mismatch");
        assertThat(store.stored()).isEqualTo(stored);
        assertThat(hv().get("/api/v1/cases/" + caseId).json().get("version").asLong()).isEqualTo(2);
    }

    @Test
    void if_match_ahead_of_the_case_is_412_too() {
        String caseId = hv().post(CASES, concern(daysAgo(2))).json().get("caseId").asText();
        assertProblem(hv().with("If-Match", "\"7\"").post("/api/v1/cases/" + caseId + "/protection-assessment",
                Map.of("assessedAt", daysAgo(1).toString(), "immediateProtectionNeeded", false)), 412);
    }

    @Test
    void concurrent_writers_to_one_case_never_corrupt_it() throws Exception {
        String caseId = hv().post(CASES, concern(daysAgo(2))).json().get("caseId").asText();
        int writers = 12;
        List<Api.Response> answers = inParallel(writers, () -> hv().post("/api/v1/cases/" + caseId + "/collaborations",
                Map.of("partner", "POLICE", "kind", "CONSULTATION", "occurredAt", daysAgo(1).toString())));

        long accepted = answers.stream().filter(r -> r.status() == 200).count();
        // Each writer is accepted or told it lost the race; whether any lost depends on timing.
        assertThat(answers).extracting(Api.Response::status).isSubsetOf(200, 409);
        List<Long> sequences = jdbc.queryForList("SELECT sequencenumber FROM domainevententry WHERE aggregateidentifier = ? "
                + "ORDER BY sequencenumber", Long.class, caseId);
        assertThat(sequences).hasSize((int) accepted + 1);
        for (int i = 0; i < sequences.size(); i++) {
            assertThat(sequences.get(i)).isEqualTo(i);
        }
        JsonNode view = hv().get("/api/v1/cases/" + caseId).json();
        assertThat(view.get("version").asLong()).isEqualTo(accepted + 1);
        assertThat(view.get("collaborations")).hasSize((int) accepted);
    }

    private static List<Api.Response> inParallel(int n, Callable<Api.Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(call));
            }
            List<Api.Response> answers = new ArrayList<>();
            for (Future<Api.Response> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
