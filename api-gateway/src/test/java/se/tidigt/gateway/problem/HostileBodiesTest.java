package se.tidigt.gateway.problem;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;
import se.tidigt.gateway.support.EventStoreCounter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tidigt.gateway.support.CaseRequests.childAged;
import static se.tidigt.gateway.support.CaseRequests.concern;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;

/**
 * 1,000 generated hostile bodies (jqwik's generators, a fixed seed) for the case endpoints: one field
 * of a valid body replaced by a wrong type, a far date, a bad enum, a huge or control-laden string,
 * an absurd number, deep nesting, a duplicated key or trailing garbage. None may answer 5xx or leak a
 * stack trace, and whatever is refused stores nothing.
 */
class HostileBodiesTest extends ApiTest {
    private static final int REQUESTS = 1000;
    private static final long SEED = 20261125L;

    @Autowired
    JdbcTemplate jdbc;

    record Endpoint(String path, Map<String, String> validFields) {
    }

    @Test
    void generated_hostile_bodies_never_answer_5xx_and_refused_ones_store_nothing() {
        String caseId = hv().post("/api/v1/districts/hasselby-vallingby/cases", concern(daysAgo(20))).json()
                .get("caseId").asText();
        List<Endpoint> endpoints = endpoints(caseId);
        Arbitrary<String> bodies = Combinators.combine(Arbitraries.of(endpoints), Arbitraries.integers().between(0, 20),
                hostileValues(), Arbitraries.integers().between(0, 9)).as((endpoint, field, value, shape) -> {
            List<String> names = new ArrayList<>(endpoint.validFields().keySet());
            return endpoint.path() + "\n" + body(endpoint, names.get(field % names.size()), value, shape);
        });
        // A jqwik session with a fixed seed: the same 1,000 bodies on every run.
        JqwikSession.start(Long.toString(SEED));
        List<String> requests;
        try {
            requests = bodies.sampleStream().limit(REQUESTS).toList();
        } finally {
            JqwikSession.finish();
        }
        EventStoreCounter counter = new EventStoreCounter(jdbc);
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            String[] request = requests.get(i).split("\n", 2);
            long before = counter.events();
            Api.Response answer = hv().postRaw(request[0], request[1], "application/json");
            statuses.merge(answer.status(), 1, Integer::sum);
            boolean refused = answer.status() >= 400;
            if (answer.status() >= 500 || answer.body().contains("\tat ") || answer.body().contains("Exception")
                    || (refused && !String.valueOf(answer.contentType()).startsWith("application/problem+json"))
                    || (refused && counter.events() != before)) {
                failures.add(answer.status() + " " + request[0] + " " + request[1].substring(0, Math.min(300, request[1].length())));
            }
        }
        System.out.println("hostile bodies: " + REQUESTS + " requests, answers " + statuses);
        assertThat(failures).isEmpty();
    }

    private static List<Endpoint> endpoints(String caseId) {
        String at = "\"" + daysAgo(1) + "\"";
        return List.of(
                new Endpoint("/api/v1/districts/hasselby-vallingby/cases", fields("receivedAt", at, "reporter", "\"SCHOOL\"",
                        "concerns", "[\"NEGLECT\"]", "child", "{\"personalIdentityNumber\":\"" + childAged(10) + "\"}")),
                new Endpoint("/api/v1/cases/" + caseId + "/protection-assessment",
                        fields("assessedAt", at, "immediateProtectionNeeded", "false")),
                new Endpoint("/api/v1/cases/" + caseId + "/initial-assessment",
                        fields("completedAt", at, "decision", "\"EARLY_SUPPORT\"")),
                new Endpoint("/api/v1/cases/" + caseId + "/workers",
                        fields("workerId", "\"w-1\"", "function", "\"INTAKE\"", "assignedAt", at)),
                new Endpoint("/api/v1/cases/" + caseId + "/investigation/extension",
                        fields("newDueDate", "\"2030-01-01\"", "reason", "\"more time\"")),
                new Endpoint("/api/v1/districts/hasselby-vallingby/open-access-support",
                        fields("month", "\"2025-01\"", "kind", "\"COUNSELLING\"", "count", "3")));
    }

    private static Arbitrary<String> hostileValues() {
        return Arbitraries.oneOf(
                Arbitraries.of("null", "true", "0", "-1", "1.5", "1e999999999", "-1e999999999", "1e308", "9223372036854775808",
                        "\"0\"", "1", "\"\"", "[]", "{}", "\"-250000-01-01T00:00:00Z\"", "\"+999999999-12-31\"",
                        "\"-5000-01-01\"", "\"0000-01\"", "\"-5000-01\"", "\"0001-01-01T00:00:00Z\"", "1700000000",
                        "\"2024-02-30\"", "\"2024-13\"", "\"NOT_AN_ENUM\"", "\"early_support\"", "\"a\\u0000b\"",
                        "\"\\u0007\"", "\"\\ud800\"", "NaN", "Infinity"),
                Arbitraries.strings().ofMinLength(0).ofMaxLength(40).map(HostileBodiesTest::quoted),
                Arbitraries.integers().between(1, 3000).map(n -> "\"" + "x".repeat(n) + "\""),
                Arbitraries.integers().between(1, 2000).map(n -> "[".repeat(n) + "]".repeat(n)),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf));
    }

    /** Shapes: 0-5 the value in place; 6 the key twice; 7 trailing garbage; 8 the field missing; 9 not an object. */
    private static String body(Endpoint endpoint, String field, String value, int shape) {
        Map<String, String> fields = new LinkedHashMap<>(endpoint.validFields());
        if (shape == 8) {
            fields.remove(field);
        } else if (shape != 6) {
            fields.put(field, value);
        }
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(name).append("\":").append(v));
        if (shape == 6) {
            json.append(",\"").append(field).append("\":").append(value);
        }
        json.append('}');
        if (shape == 7) {
            json.append(' ').append(value);
        }
        return shape == 9 ? value : json.toString();
    }

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static String quoted(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

}
