package se.tidigt.gateway.audit;

import org.axonframework.eventhandling.GenericEventMessage;
import se.tidigt.gateway.support.Api;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tidigt.gateway.support.CaseRequests.concern;

/** Cases for the audit tests, written through the API; recording time set through Axon's clock. */
final class AuditCases {
    private AuditCases() {
    }

    /**
     * Runs {@code action} with Axon's clock fixed at {@code instant}: events are recorded then, and the
     * domain's "not in the future" check measures against it. Restored afterwards.
     */
    static <T> T recordedAt(Instant instant, Supplier<T> action) {
        Clock before = GenericEventMessage.clock;
        GenericEventMessage.clock = Clock.fixed(instant, ZoneOffset.UTC);
        try {
            return action.get();
        } finally {
            GenericEventMessage.clock = before;
        }
    }

    static String raise(Api api, String district, Instant receivedAt) {
        Api.Response raised = api.post("/api/v1/districts/" + district + "/cases", concern(receivedAt));
        assertThat(raised.status()).as(raised.toString()).isEqualTo(201);
        return raised.json().get("caseId").asText();
    }

    static void write(Api api, String caseId, String step, Map<String, Object> body) {
        Api.Response answer = api.post("/api/v1/cases/" + caseId + "/" + step, body);
        assertThat(answer.status()).as(answer.toString()).isIn(200, 201);
    }

    /** Five events, an hour apart from {@code start}: sequences 0 (concern) to 4 (collaboration). */
    static String fiveEvents(Api api, String district, Instant start) {
        String caseId = raise(api, district, start);
        write(api, caseId, "protection-assessment", Map.of("assessedAt", start.plusSeconds(3600).toString(),
                "immediateProtectionNeeded", false));
        write(api, caseId, "initial-assessment", Map.of("completedAt", start.plusSeconds(7200).toString(),
                "decision", "EARLY_SUPPORT"));
        write(api, caseId, "workers", Map.of("workerId", "w-1", "function", "INTAKE",
                "assignedAt", start.plusSeconds(10800).toString()));
        write(api, caseId, "collaborations", Map.of("partner", "SCHOOL", "kind", "MEETING",
                "occurredAt", start.plusSeconds(14400).toString()));
        return caseId;
    }
}
