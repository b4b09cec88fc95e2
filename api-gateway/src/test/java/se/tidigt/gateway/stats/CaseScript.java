package se.tidigt.gateway.stats;

import se.tidigt.gateway.support.Api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Writes a case step by step through the REST API, failing loudly if any step is refused. */
final class CaseScript {
    private final Api api;
    private final String caseId;
    private String offerId;
    private String placementId;

    private CaseScript(Api api, String caseId) {
        this.api = api;
        this.caseId = caseId;
    }

    static String child(LocalDate birthDate, long seed) {
        return se.tidigt.cases.api.identity.SyntheticIdentityNumbers.formatted(birthDate, new Random(seed));
    }

    static CaseScript raise(Api api, String district, String receivedAt, String child, String... concerns) {
        Api.Response raised = api.post("/api/v1/districts/" + district + "/cases", Map.of("receivedAt", receivedAt,
                "reporter", "SCHOOL", "concerns", List.of(concerns.length == 0 ? new String[]{"CRIME_RISK"} : concerns),
                "child", Map.of("personalIdentityNumber", child)));
        assertThat(raised.status()).as(raised.toString()).isEqualTo(201);
        return new CaseScript(api, raised.json().get("caseId").asText());
    }

    String caseId() {
        return caseId;
    }

    CaseScript protection(String at) {
        return post("/protection-assessment", Map.of("assessedAt", at, "immediateProtectionNeeded", false));
    }

    CaseScript initial(String at, String decision) {
        return post("/initial-assessment", Map.of("completedAt", at, "decision", decision));
    }

    CaseScript investigation(String openedAt, String concludedAt) {
        post("/investigation", Map.of("openedAt", openedAt));
        return post("/investigation/conclusion", Map.of("concludedAt", concludedAt, "outcome", "INTERVENTION_NEEDED"));
    }

    CaseScript offer(String at) {
        Api.Response offered = api.post("/api/v1/cases/" + caseId + "/offers",
                Map.of("offeredAt", at, "interventionType", "FAMILY_TREATMENT"));
        assertThat(offered.status()).as(offered.toString()).isEqualTo(201);
        offerId = offered.json().get("offerId").asText();
        return this;
    }

    CaseScript accept(String at) {
        return post("/offers/" + offerId + "/response", Map.of("respondedAt", at, "accepted", true, "consentBy", "GUARDIANS"));
    }

    CaseScript decline(String at) {
        return post("/offers/" + offerId + "/response", Map.of("respondedAt", at, "accepted", false,
                "declineReason", "NOT_WANTED"));
    }

    CaseScript start(String at) {
        return post("/interventions", Map.of("offerId", offerId, "startedAt", at));
    }

    CaseScript end(String at) {
        return post("/interventions/" + offerId + "/end", Map.of("endedAt", at, "outcome", "GOALS_MET"));
    }

    CaseScript place(String at, String kind, boolean compulsory) {
        Api.Response placed = api.post("/api/v1/cases/" + caseId + "/placements",
                Map.of("startedAt", at, "kind", kind, "compulsory", compulsory));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        placementId = placed.json().get("placementId").asText();
        return this;
    }

    CaseScript endPlacement(String at) {
        return post("/placements/" + placementId + "/end", Map.of("endedAt", at));
    }

    CaseScript worker(String workerId, String at) {
        return post("/workers", Map.of("workerId", workerId, "function", "INTERVENTION", "assignedAt", at));
    }

    CaseScript collaboration(String partner, String at) {
        return post("/collaborations", Map.of("partner", partner, "kind", "MEETING", "occurredAt", at));
    }

    CaseScript transfer(String toDistrict, String at) {
        return post("/transfer", Map.of("toDistrict", toDistrict, "transferredAt", at));
    }

    CaseScript close(String at) {
        return post("/closure", Map.of("closedAt", at, "reason", "OTHER"));
    }

    private CaseScript post(String path, Map<String, Object> body) {
        Api.Response response = api.post("/api/v1/cases/" + caseId + path, body);
        assertThat(response.status()).as(path + " " + response).isIn(200, 201);
        return this;
    }
}
