package se.tidigt.gateway.delegation;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;
import se.tidigt.gateway.support.EventStoreCounter;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tidigt.gateway.support.CaseRequests.concern;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;
import static se.tidigt.gateway.support.ProblemAssertions.assertProblem;

/**
 * Decisions under the district's delegation over HTTP: every district role × every decision kind × own and
 * another district, the proposal's way from a worker to a supervisor, and the delegation itself. Farsta's
 * delegation is changed here; Hässelby-Vällingby keeps the default.
 */
@TestPropertySource(properties = "tidigt.test.context=delegation")
class DecisionsUnderDelegationApiTest extends ApiTest {
    private static final String HV = "/api/v1/districts/hasselby-vallingby";
    private static final String FARSTA = "/api/v1/districts/farsta";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Stockholm"));

    @Autowired
    JdbcTemplate jdbc;

    /** A step a decision kind stands for: how to bring a case to where it can be taken, and the step itself. */
    private record Step(String kind, List<String[]> before, String path, Map<String, Object> body) {
    }

    private static final List<Step> STEPS = List.of(
            new Step("OPEN_INVESTIGATION", List.<String[]>of(assess("OPEN_INVESTIGATION")), "/investigation",
                    Map.of("openedAt", daysAgo(6).toString())),
            new Step("EXTEND_INVESTIGATION", List.of(assess("OPEN_INVESTIGATION"),
                    new String[]{"/investigation", "{\"openedAt\":\"" + daysAgo(6) + "\"}"}), "/investigation/extension",
                    Map.of("newDueDate", TODAY.plusMonths(6).toString(), "reason", "the family asked for time")),
            new Step("OFFER_INTERVENTION", List.<String[]>of(assess("EARLY_SUPPORT")), "/offers",
                    Map.of("offeredAt", daysAgo(5).toString(), "interventionType", "FAMILY_TREATMENT")),
            new Step("CLOSE_CASE", List.of(), "/closure", Map.of("closedAt", daysAgo(2).toString(), "reason", "NO_ACTION_NEEDED")),
            new Step("TRANSFER_CASE", List.of(), "/transfer", Map.of("toDistrict", "bromma", "transferredAt", daysAgo(2).toString())));

    private static String[] assess(String decision) {
        return new String[]{"/initial-assessment", "{\"completedAt\":\"" + daysAgo(7) + "\",\"decision\":\"" + decision + "\"}"};
    }

    /** A case of the district brought by its admin to where the step can be taken. */
    private String caseReadyFor(Step step, String district) {
        Api admin = as("hasselby-vallingby".equals(district) ? "hv-admin" : district + "-admin");
        String caseId = admin.post("/api/v1/districts/" + district + "/cases", concern(daysAgo(10))).json().get("caseId").asText();
        for (String[] before : step.before()) {
            Api.Response done = admin.post("/api/v1/cases/" + caseId + before[0], before[1]);
            assertThat(done.status()).as(done.toString()).isBetween(200, 201);
        }
        return caseId;
    }

    @Test
    void every_district_role_takes_or_proposes_each_decision_as_the_default_delegation_says_and_never_in_another_district() {
        // The default: a supervisor decides interventions and closures, a worker the rest.
        Map<String, String> lowest = Map.of("OPEN_INVESTIGATION", "WORKER", "EXTEND_INVESTIGATION", "WORKER",
                "OFFER_INTERVENTION", "SUPERVISOR", "CLOSE_CASE", "SUPERVISOR", "TRANSFER_CASE", "WORKER");
        List<String> ranks = List.of("WORKER", "SUPERVISOR", "ADMIN");
        List<String> wrong = new ArrayList<>();
        for (Step step : STEPS) {
            for (String rank : ranks) {
                String user = "hv-" + rank.toLowerCase();
                String caseId = caseReadyFor(step, "hasselby-vallingby");
                Api.Response answer = as(user).post("/api/v1/cases/" + caseId + step.path(), step.body());
                boolean alone = ranks.indexOf(rank) >= ranks.indexOf(lowest.get(step.kind()));
                int expected = !alone ? 202 : step.kind().equals("OFFER_INTERVENTION") ? 201 : 200;
                if (answer.status() != expected || (!alone && !answer.json().has("proposalId"))) {
                    wrong.add(user + " " + step.kind() + " → " + answer.status() + " (expected " + expected + ") " + answer.body());
                }
                JsonNode view = hv().get("/api/v1/cases/" + caseId).json();
                if (!alone && (view.get("proposals").size() != 1
                        || !view.at("/proposals/0/status").asText().equals("PENDING")
                        || !view.at("/proposals/0/kind").asText().equals(step.kind())
                        || !view.at("/proposals/0/proposedBy").asText().equals(user))) {
                    wrong.add(user + " " + step.kind() + " proposal not in the case view: " + view.get("proposals"));
                }
                // Another district's users see no such case, whatever their rank.
                String otherCase = caseReadyFor(step, "hasselby-vallingby");
                Api.Response other = as("farsta-" + rank.toLowerCase()).post("/api/v1/cases/" + otherCase + step.path(), step.body());
                if (other.status() != 404) {
                    wrong.add("farsta-" + rank.toLowerCase() + " " + step.kind() + " on a Hässelby-Vällingby case → " + other.status());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void a_worker_proposes_an_offer_and_a_supervisor_approves_it_from_the_worklist_recording_both() {
        Step offer = STEPS.get(2);
        String caseId = caseReadyFor(offer, "hasselby-vallingby");
        Api.Response proposed = as("hv-worker").with("Idempotency-Key", "offer-" + caseId)
                .post("/api/v1/cases/" + caseId + "/offers", offer.body());
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(202);
        String proposalId = proposed.json().get("proposalId").asText();
        assertThat(proposed.json().get("caseId").asText()).isEqualTo(caseId);
        long version = proposed.json().get("version").asLong();
        // A retry with the same key is the first answer, and nothing more is stored.
        Api.Response retried = as("hv-worker").with("Idempotency-Key", "offer-" + caseId)
                .post("/api/v1/cases/" + caseId + "/offers", offer.body());
        assertThat(retried.json().get("proposalId").asText()).isEqualTo(proposalId);
        assertThat(hv().get("/api/v1/cases/" + caseId).json().get("version").asLong()).isEqualTo(version);

        JsonNode pending = as("hv-supervisor").get(HV + "/proposals?status=PENDING").json();
        JsonNode item = find(pending, proposalId);
        assertThat(item).as("the proposal on the worklist").isNotNull();
        assertThat(item.at("/proposal/proposedBy").asText()).isEqualTo("hv-worker");
        assertThat(item.at("/proposal/decision/offerIntervention/interventionType").asText()).isEqualTo("FAMILY_TREATMENT");
        // The legal clock keeps running: the protection assessment was due the day after the concern, 10 days ago.
        assertThat(item.at("/due/kind").asText()).isEqualTo("PROTECTION_ASSESSMENT");
        assertThat(item.at("/due/overdue").asBoolean()).isTrue();
        assertThat(item.get("daysWaiting").asLong()).isZero();
        assertThat(as("auditor").get("/api/v1/audit/access-log?caseId=" + caseId).json().get("entries").toString())
                .as("the worklist is a read of the cases it shows").contains("GET /api/v1/districts/{district}/proposals");

        assertThat(assertProblem(as("hv-worker").post(decision(caseId, proposalId), Map.of("approved", true)), 403)
                .get("title").asText()).isNotBlank();
        assertThat(assertProblem(as("hv-supervisor").with("If-Match", "\"" + (version - 1) + "\"")
                .post(decision(caseId, proposalId), Map.of("approved", true)), 412)).isNotNull();
        Api.Response approved = as("hv-supervisor").with("If-Match", "\"" + version + "\"")
                .post(decision(caseId, proposalId), Map.of("approved", true, "reason", "as planned"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().get("version").asLong()).isEqualTo(version + 2);

        JsonNode view = hv().get("/api/v1/cases/" + caseId).json();
        assertThat(view.at("/progress/offers/0/interventionType").asText()).isEqualTo("FAMILY_TREATMENT");
        assertThat(view.at("/proposals/0/status").asText()).isEqualTo("APPROVED");
        assertThat(view.at("/proposals/0/decidedBy").asText()).isEqualTo("hv-supervisor");
        assertThat(view.at("/proposals/0/reason").asText()).isEqualTo("as planned");
        assertThat(find(as("hv-supervisor").get(HV + "/proposals").json(), proposalId)).as("off the worklist").isNull();
        assertThat(find(as("hv-supervisor").get(HV + "/proposals?status=APPROVED").json(), proposalId)).isNotNull();

        // The decided event records the proposer and the decider, beside the decider as the acting user.
        String metadata = new String(jdbc.queryForObject("SELECT metadata FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND payloadtype = 'se.tidigt.cases.api.InterventionOffered'", byte[].class, caseId), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(metadata).contains("\"proposedBy\":\"hv-worker\"").contains("\"decidedBy\":\"hv-supervisor\"")
                .contains("\"actorUser\":\"hv-supervisor\"").contains(proposalId);
        assertProblem(as("hv-admin").post(decision(caseId, proposalId), Map.of("approved", true)), 409);
    }

    @Test
    void a_rejection_needs_its_reason_and_bad_input_stores_nothing() {
        Step close = STEPS.get(3);
        String caseId = caseReadyFor(close, "hasselby-vallingby");
        String proposalId = as("hv-worker").post("/api/v1/cases/" + caseId + "/closure", close.body()).json().get("proposalId").asText();
        EventStoreCounter store = new EventStoreCounter(jdbc);
        long before = store.events();
        assertThat(assertProblem(as("hv-supervisor").post(decision(caseId, proposalId), Map.of("approved", false)), 400)
                .toString()).contains("reason");
        assertProblem(as("hv-supervisor").post(decision(caseId, proposalId), "{\"approved\":\"yes\"}"), 400);
        assertProblem(as("hv-supervisor").post(decision(caseId, proposalId), "{\"approved\":false,\"reason\":\"\"}"), 400);
        // Authorization before validation: a worker's bad body is refused as a worker's, another district's as unknown.
        assertProblem(as("hv-worker").post(decision(caseId, proposalId), "{\"approved\":\"yes\"}"), 403);
        assertProblem(as("farsta-supervisor").post(decision(caseId, proposalId), "{\"approved\":\"yes\"}"), 404);
        assertProblem(as("farsta-supervisor").post(decision(caseId, proposalId), Map.of("approved", false, "reason", "no")), 404);
        assertThat(store.events()).as("nothing stored").isEqualTo(before);

        Api.Response rejected = as("hv-supervisor").post(decision(caseId, proposalId),
                Map.of("approved", false, "reason", "the family needs the follow-up first"));
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        JsonNode view = hv().get("/api/v1/cases/" + caseId).json();
        assertThat(view.get("status").asText()).isEqualTo("OPEN");
        assertThat(view.at("/proposals/0/status").asText()).isEqualTo("REJECTED");
        assertThat(view.at("/proposals/0/reason").asText()).isEqualTo("the family needs the follow-up first");
        String stored = new String(jdbc.queryForObject("SELECT payload FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND payloadtype = 'se.tidigt.cases.api.DecisionRejected'", byte[].class, caseId), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(stored).as("the reason is sealed").doesNotContain("follow-up");
    }

    @Test
    void an_imported_decision_below_the_delegation_is_a_proposal_too() {
        String caseId = caseReadyFor(STEPS.get(3), "hasselby-vallingby");
        String line = "{\"type\":\"CloseCase\",\"caseId\":\"" + caseId + "\",\"closedAt\":\"" + daysAgo(2)
                + "\",\"reason\":\"NO_ACTION_NEEDED\"}";
        JsonNode report = as("hv-worker").postRaw("/api/v1/import", line, "application/x-ndjson").json();
        assertThat(report.at("/results/0/status").asInt()).as(report.toString()).isEqualTo(202);
        assertThat(report.at("/results/0/result/proposalId").asText()).isNotBlank();
        JsonNode view = hv().get("/api/v1/cases/" + caseId).json();
        assertThat(view.get("status").asText()).isEqualTo("OPEN");
        assertThat(view.at("/proposals/0/kind").asText()).isEqualTo("CLOSE_CASE");
    }

    @Test
    void a_proposal_the_case_has_moved_past_is_409() {
        Step close = STEPS.get(3);
        String caseId = caseReadyFor(close, "hasselby-vallingby");
        String proposalId = as("hv-worker").post("/api/v1/cases/" + caseId + "/closure", close.body()).json().get("proposalId").asText();
        assertThat(hv().post("/api/v1/cases/" + caseId + "/closure", close.body()).status()).isEqualTo(200);
        assertThat(assertProblem(as("hv-supervisor").post(decision(caseId, proposalId), Map.of("approved", true)), 409)
                .get("rule").asText()).isEqualTo("case-closed");
        assertThat(find(as("hv-supervisor").get(HV + "/proposals").json(), proposalId)).as("a closed case leaves nothing pending").isNull();
    }

    @Test
    void the_district_admin_changes_the_delegation_from_a_date_and_a_supervisor_never_decides_their_own_proposal() {
        JsonNode initial = as("farsta-worker").get(FARSTA + "/delegation").json();
        assertThat(initial.get("byDefault").asBoolean()).isTrue();
        assertThat(initial.at("/inForce/OFFER_INTERVENTION").asText()).isEqualTo("SUPERVISOR");

        Map<String, Object> levels = new LinkedHashMap<>(Map.of("OPEN_INVESTIGATION", "WORKER", "EXTEND_INVESTIGATION",
                "SUPERVISOR", "OFFER_INTERVENTION", "SUPERVISOR", "CLOSE_CASE", "ADMIN", "TRANSFER_CASE", "ADMIN"));
        assertProblem(as("farsta-supervisor").put(FARSTA + "/delegation", Map.of("effectiveFrom", TODAY.toString(), "levels", levels)), 403);
        assertProblem(as("hv-admin").put(FARSTA + "/delegation", Map.of("effectiveFrom", TODAY.toString(), "levels", levels)), 403);
        assertProblem(as("farsta-admin").put(FARSTA + "/delegation", Map.of("effectiveFrom", TODAY.minusDays(1).toString(),
                "levels", levels)), 400);
        assertProblem(as("farsta-admin").put(FARSTA + "/delegation", Map.of("effectiveFrom", TODAY.toString(),
                "levels", Map.of("CLOSE_CASE", "ADMIN"))), 400);
        assertProblem(as("farsta-admin").put(FARSTA + "/delegation", Map.of("effectiveFrom", TODAY.toString(),
                "levels", Map.of("CLOSE_CASE", "CHIEF"))), 400);
        assertProblem(as("farsta-admin").put("/api/v1/districts/atlantis/delegation", Map.of("effectiveFrom",
                TODAY.toString(), "levels", levels)), 404);
        Api.Response changed = as("farsta-admin").put(FARSTA + "/delegation", Map.of("effectiveFrom", TODAY.toString(), "levels", levels));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        as("farsta-admin").put(FARSTA + "/delegation", Map.of("effectiveFrom", TODAY.plusMonths(1).toString(),
                "levels", Map.of("OPEN_INVESTIGATION", "WORKER", "EXTEND_INVESTIGATION", "WORKER", "OFFER_INTERVENTION",
                        "WORKER", "CLOSE_CASE", "SUPERVISOR", "TRANSFER_CASE", "WORKER")));

        JsonNode delegation = as("farsta-supervisor").get(FARSTA + "/delegation").json();
        assertThat(delegation.get("byDefault").asBoolean()).isFalse();
        assertThat(delegation.at("/inForce/CLOSE_CASE").asText()).as("today's, not next month's").isEqualTo("ADMIN");
        assertThat(delegation.get("history")).hasSize(2);
        assertThat(delegation.at("/history/0/recordedBy").asText()).isEqualTo("farsta-admin");
        assertThat(delegation.at("/history/1/effectiveFrom").asText()).isEqualTo(TODAY.plusMonths(1).toString());
        assertThat(hv().get(HV + "/delegation").json().get("byDefault").asBoolean()).as("each district its own").isTrue();

        Step close = STEPS.get(3);
        String caseId = caseReadyFor(close, "farsta");
        Api.Response proposed = as("farsta-supervisor").post("/api/v1/cases/" + caseId + "/closure", close.body());
        assertThat(proposed.status()).as("a supervisor proposes what the admin decides").isEqualTo(202);
        String proposalId = proposed.json().get("proposalId").asText();
        assertThat(assertProblem(as("farsta-supervisor").post(decision(caseId, proposalId), Map.of("approved", true)), 403)
                .get("rule").asText()).isEqualTo("proposer-cannot-decide");
        // A second supervisor is still below what the delegation asks: a token for another of Farsta's supervisors.
        Api otherSupervisor = bearer(se.tidigt.gateway.support.Tokens.forRole("farsta.supervisor2", "DISTRICT_SUPERVISOR", "farsta"));
        assertThat(assertProblem(otherSupervisor.post(decision(caseId, proposalId), Map.of("approved", true)), 403)
                .get("rule").asText()).isEqualTo("rank-below-delegation");
        assertThat(as("farsta-admin").post(decision(caseId, proposalId), Map.of("approved", true)).status()).isEqualTo(200);
        assertThat(as("farsta-admin").get("/api/v1/cases/" + caseId).json().get("status").asText()).isEqualTo("CLOSED");
    }

    @Test
    void the_decision_figures_are_exact_for_the_district_and_protected_for_everyone_else() {
        // Järva: twelve proposed offers, seven approved, three rejected, two still waiting.
        Step offer = STEPS.get(2);
        for (int i = 0; i < 12; i++) {
            String caseId = caseReadyFor(offer, "jarva");
            String proposalId = as("jarva-worker").post("/api/v1/cases/" + caseId + "/offers", offer.body()).json()
                    .get("proposalId").asText();
            if (i < 10) {
                Map<String, Object> answer = i < 7 ? Map.of("approved", true) : Map.of("approved", false, "reason", "not now");
                assertThat(as("jarva-supervisor").post(decision(caseId, proposalId), answer).status()).isEqualTo(200);
            }
        }
        JsonNode own = as("jarva-worker").get("/api/v1/stats/decisions?period=year").json();
        assertThat(own.get("exact").asBoolean()).isTrue();
        assertThat(own.get("rows")).hasSize(1);
        JsonNode row = own.at("/rows/0");
        assertThat(row.get("district").asText()).isEqualTo("jarva");
        assertThat(row.get("period").asText()).isEqualTo(String.valueOf(TODAY.getYear()));
        assertThat(List.of(row.get("proposals").asLong(), row.get("approved").asLong(), row.get("rejected").asLong(),
                row.get("pending").asLong())).containsExactly(12L, 7L, 3L, 2L);
        assertThat(row.at("/daysToDecision/n").asLong()).isEqualTo(10);
        assertThat(row.at("/daysToDecision/median").asDouble()).isZero();

        JsonNode published = as("analyst").get("/api/v1/stats/decisions?district=jarva&period=year").json();
        assertThat(published.get("exact").asBoolean()).isFalse();
        int k = published.at("/protection/threshold").asInt();
        assertThat(k).isGreaterThan(1);
        JsonNode shown = published.at("/rows/0");
        for (String figure : List.of("proposals", "approved", "rejected", "pending")) {
            assertThat(shown.get(figure).asLong() % k).as(figure + " a multiple of " + k).isZero();
            assertThat(shown.get(figure).asLong()).as(figure).isNotNegative();
        }
        assertThat(shown.get("approved").asLong() + shown.get("rejected").asLong()).isLessThanOrEqualTo(shown.get("proposals").asLong());
        assertThat(shown.at("/daysToDecision/n").asLong()).isEqualTo(shown.get("approved").asLong() + shown.get("rejected").asLong());
        assertThat(as("analyst").get("/api/v1/stats/decisions?district=jarva&period=year").json())
                .as("the same records always publish the same figures").isEqualTo(published);

        assertProblem(as("farsta-worker").get("/api/v1/stats/decisions?district=jarva"), 403);
        assertProblem(as("analyst").get("/api/v1/stats/decisions?district=atlantis"), 404);
        assertProblem(as("analyst").get("/api/v1/stats/decisions?period=week"), 400);
    }

    private static String decision(String caseId, String proposalId) {
        return "/api/v1/cases/" + caseId + "/proposals/" + proposalId + "/decision";
    }

    private static JsonNode find(JsonNode items, String proposalId) {
        for (JsonNode item : items) {
            if (item.at("/proposal/proposalId").asText().equals(proposalId)) {
                return item;
            }
        }
        return null;
    }
}
