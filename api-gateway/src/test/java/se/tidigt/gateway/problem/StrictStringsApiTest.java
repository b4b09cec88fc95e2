package se.tidigt.gateway.problem;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tidigt.gateway.support.CaseRequests.childAged;
import static se.tidigt.gateway.support.CaseRequests.concern;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;

/**
 * One rule for every string a client sends, on every endpoint that takes one: a JSON string (no number or
 * boolean made into text), with no control character (CR/LF included), no bidirectional override or
 * isolate, no zero-width or byte-order mark, and no padding. Each variant in each string field of each
 * endpoint is a 400 naming the field, and nothing is stored in any table.
 */
class StrictStringsApiTest extends ApiTest {
    private static final String HV = "/api/v1/districts/hasselby-vallingby";
    /** Each hostile value as JSON: what the hostile tester got stored before. */
    private static final Map<String, String> HOSTILE = new LinkedHashMap<>();

    static {
        HOSTILE.put("CR/LF", "\"w-1\\r\\nforged: yes\"");
        HOSTILE.put("LF", "\"w-1\\nsecond line\"");
        HOSTILE.put("tab", "\"w-1\\tx\"");
        HOSTILE.put("right-to-left override", "\"w-1\\u202Egnp.exe\"");
        HOSTILE.put("left-to-right isolate", "\"w-1\\u2066x\\u2069\"");
        HOSTILE.put("zero-width space", "\"w\\u200B-1\"");
        HOSTILE.put("zero-width joiner", "\"w\\u200D-1\"");
        HOSTILE.put("byte-order mark", "\"\\uFEFFw-1\"");
        HOSTILE.put("line separator", "\"w-1\\u2028x\"");
        HOSTILE.put("lone surrogate", "\"w-1\\uD800\"");
        HOSTILE.put("leading space", "\" w-1\"");
        HOSTILE.put("trailing space", "\"w-1 \"");
        HOSTILE.put("no-break space padding", "\"w-1\\u00A0\"");
        HOSTILE.put("number", "12345");
        HOSTILE.put("boolean", "true");
    }

    /** Operations whose bodies hold no string a client chooses (enums, dates, numbers, booleans only) or no body. */
    private static final Set<String> WITHOUT_STRINGS = Set.of(
            "POST /api/v1/districts/{district}/open-access-support", "POST /api/v1/cases/{caseId}/protection-assessment",
            "POST /api/v1/cases/{caseId}/initial-assessment", "POST /api/v1/cases/{caseId}/investigation",
            "POST /api/v1/cases/{caseId}/investigation/conclusion", "POST /api/v1/cases/{caseId}/offers",
            "POST /api/v1/cases/{caseId}/offers/{offerId}/response", "POST /api/v1/cases/{caseId}/interventions/{offerId}/end",
            "POST /api/v1/cases/{caseId}/collaborations", "POST /api/v1/cases/{caseId}/closure",
            "POST /api/v1/districts/{district}/rollout/staffing", "POST /api/v1/rollout-plans/{planId}/approval",
            "POST /api/v1/admin/projections/{name}/replay", "POST /api/v1/admin/projections/{name}/parked/{caseId}/retry",
            "POST /api/v1/cases/{caseId}/placements", "POST /api/v1/cases/{caseId}/placements/{placementId}/end");

    @Autowired
    JdbcTemplate jdbc;

    private record Field(String operation, String path, Supplier<Api> as, String name, Map<String, String> body) {
    }

    @Test
    void every_string_field_of_every_endpoint_refuses_each_hostile_variant_and_stores_nothing() {
        String caseId = hv().post(HV + "/cases", concern(daysAgo(20))).json().get("caseId").asText();
        String at = "\"" + daysAgo(1) + "\"";
        String person = "\"" + childAged(10) + "\"";
        List<Field> fields = new ArrayList<>();
        add(fields, "POST /api/v1/districts/{district}/cases", HV + "/cases", this::hv, body("receivedAt", at,
                "reporter", "\"SCHOOL\"", "concerns", "[\"NEGLECT\"]", "child", "{\"personalIdentityNumber\":" + person + "}",
                "workModel", "\"VALLINGBY_TEAM\""), "child.personalIdentityNumber", "workModel");
        add(fields, "POST /api/v1/districts/{district}/cases/search", HV + "/cases/search", this::hv,
                body("personalIdentityNumber", person), "personalIdentityNumber");
        add(fields, "POST /api/v1/audit/cases/search", "/api/v1/audit/cases/search", () -> as("auditor"),
                body("personalIdentityNumber", person), "personalIdentityNumber");
        String cases = "/api/v1/cases/" + caseId;
        add(fields, "POST /api/v1/cases/{caseId}/investigation/extension", cases + "/investigation/extension", this::hv,
                body("newDueDate", "\"2030-01-01\"", "reason", "\"more time\""), "reason");
        add(fields, "POST /api/v1/cases/{caseId}/interventions", cases + "/interventions", this::hv,
                body("offerId", "\"o-1\"", "startedAt", at), "offerId");
        add(fields, "POST /api/v1/cases/{caseId}/workers", cases + "/workers", this::hv,
                body("workerId", "\"w-1\"", "function", "\"INTAKE\"", "assignedAt", at), "workerId");
        add(fields, "POST /api/v1/cases/{caseId}/transfer", cases + "/transfer", this::hv,
                body("toDistrict", "\"farsta\"", "transferredAt", at), "toDistrict");
        add(fields, "POST /api/v1/districts/{district}/rollout/adoptions", HV + "/rollout/adoptions", this::admin,
                body("workModel", "\"VALLINGBY_TEAM\"", "effectiveFrom", "\"2025-01-01\""), "workModel");
        add(fields, "POST /api/v1/districts/{district}/rollout/suspensions", HV + "/rollout/suspensions", this::admin,
                body("workModel", "\"VALLINGBY_TEAM\"", "effectiveFrom", "\"2025-02-01\"", "reason", "\"BUDGET\"",
                        "note", "\"a note\""), "workModel", "note");
        add(fields, "POST /api/v1/districts/{district}/rollout/reinstatements", HV + "/rollout/reinstatements", this::admin,
                body("workModel", "\"VALLINGBY_TEAM\"", "effectiveFrom", "\"2025-03-01\""), "workModel");
        add(fields, "POST /api/v1/districts/{district}/rollout/funding", HV + "/rollout/funding", this::admin,
                body("source", "\"City grant\"", "amountSek", "100000", "from", "\"2025-01-01\"", "to", "\"2025-12-31\""), "source");
        add(fields, "POST /api/v1/work-models", "/api/v1/work-models", this::admin,
                body("code", "\"STRICT_TEAM\"", "name", "\"Strict team\"", "principles", "[\"first\"]"), "code", "name", "principles");
        add(fields, "POST /api/v1/rollout-plans", "/api/v1/rollout-plans", this::admin, body("workModel", "\"VALLINGBY_TEAM\"",
                "districts", "[\"farsta\"]", "firstWaveStart", "\"2027-01-01\"", "waves", "1", "monthsPerWave", "6",
                "design", "\"STEPPED_WEDGE\"", "seed", "1", "dryRun", "true"), "workModel", "districts");
        add(fields, "POST /api/v1/cases/{caseId}/proposals/{proposalId}/decision", cases + "/proposals/p-1/decision",
                this::hv, body("approved", "false", "reason", "\"not yet\""), "reason");
        add(fields, "POST /api/v1/spread-investigation/scenarios", "/api/v1/spread-investigation/scenarios", this::admin,
                body("workModel", "\"VALLINGBY_TEAM\"", "districts", "[\"farsta\"]", "firstWaveStart", "\"2027-01-01\"",
                        "waves", "1", "monthsPerWave", "6", "dryRun", "true"), "workModel", "districts");

        Set<String> covered = new TreeSet<>(fields.stream().map(Field::operation).toList());
        covered.add("POST /api/v1/import");
        Set<String> uncovered = new TreeSet<>(servedPosts());
        uncovered.removeAll(covered);
        uncovered.removeAll(WITHOUT_STRINGS);
        assertThat(uncovered).as("POST operations neither covered here nor listed as taking no strings").isEmpty();

        awaitStatisticsCaughtUp();
        long rowsBefore = rows();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Field field : fields) {
            for (Map.Entry<String, String> hostile : HOSTILE.entrySet()) {
                String json = withValue(field.body(), field.name(), hostile.getValue());
                Api.Response answer = field.as().get().postRaw(field.path(), json, "application/json");
                checked++;
                String named = field.name().startsWith("child.") ? "child.personalIdentityNumber" : field.name();
                if (answer.status() != 400 || !answer.body().contains("\"field\":\"" + named)) {
                    wrong.add(field.operation() + " " + field.name() + " " + hostile.getKey() + " → " + answer.status() + " "
                            + answer.body());
                }
            }
        }
        checked += importLines(caseId, wrong);
        assertThat(wrong).as("hostile strings not refused with a 400 naming the field").isEmpty();
        assertThat(checked).isGreaterThanOrEqualTo(HOSTILE.size() * 20);
        assertThat(rows()).as("rows in every table").isEqualTo(rowsBefore);
    }

    /** The caseload's months come in the query: each hostile variant of a valid month is a 400 naming the parameter. */
    @Test
    void the_caseloads_months_refuse_each_hostile_variant_with_a_400_naming_the_parameter() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String parameter : List.of("from", "to")) {
            for (Map.Entry<String, String> hostile : HOSTILE.entrySet()) {
                String value = Api.JSON.readTree(hostile.getValue()).asText().replace("w-1", "2026-01").replace("w", "2026");
                Api.Response answer = hv().get(HV + "/caseload?" + parameter + "="
                        + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
                if (answer.status() != 400 || !answer.body().contains("\"field\":\"" + parameter)) {
                    wrong.add(parameter + " " + hostile.getKey() + " → " + answer.status() + " " + answer.body());
                }
            }
        }
        assertThat(hv().get(HV + "/caseload?from=2026-01&to=2026-02").status()).as("the plain months").isEqualTo(200);
        assertThat(wrong).as("hostile months not refused with a 400 naming the parameter").isEmpty();
    }

    /** The import's own line fields (type, caseId, district, offerId) and a body field, line by line. */
    private int importLines(String caseId, List<String> wrong) {
        int checked = 0;
        Map<String, String> worker = body("type", "\"AssignWorker\"", "caseId", "\"" + caseId + "\"", "workerId", "\"w-1\"",
                "function", "\"INTAKE\"", "assignedAt", "\"" + daysAgo(1) + "\"");
        Map<String, String> raise = body("type", "\"RaiseConcern\"", "district", "\"hasselby-vallingby\"", "receivedAt",
                "\"" + daysAgo(2) + "\"", "reporter", "\"SCHOOL\"", "concerns", "[\"OTHER\"]",
                "child", "{\"personalIdentityNumber\":\"" + childAged(9) + "\"}");
        Map<String, String> start = body("type", "\"StartIntervention\"", "caseId", "\"" + caseId + "\"", "offerId", "\"o-1\"",
                "startedAt", "\"" + daysAgo(1) + "\"");
        for (String[] target : new String[][]{{"worker", "type"}, {"worker", "caseId"}, {"worker", "workerId"},
                {"raise", "district"}, {"start", "offerId"}}) {
            Map<String, String> line = switch (target[0]) {
                case "worker" -> worker;
                case "raise" -> raise;
                default -> start;
            };
            for (Map.Entry<String, String> hostile : HOSTILE.entrySet()) {
                JsonNode report = hv().postRaw("/api/v1/import", withValue(line, target[1], hostile.getValue()),
                        "application/x-ndjson").json();
                checked++;
                JsonNode result = report.at("/results/0");
                boolean namesField = result.at("/problem/errors").findValuesAsText("field").contains(target[1]);
                if (result.get("status").asInt() != 400 || !namesField) {
                    wrong.add("import " + target[0] + "." + target[1] + " " + hostile.getKey() + " → " + result);
                }
            }
        }
        return checked;
    }

    private static void add(List<Field> fields, String operation, String path, Supplier<Api> as, Map<String, String> body,
                            String... names) {
        for (String name : names) {
            fields.add(new Field(operation, path, as, name, body));
        }
    }

    /** The body with one field's value replaced: a nested or list field gets the hostile value inside. */
    private static String withValue(Map<String, String> body, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(body);
        if (name.startsWith("child.")) {
            copy.put("child", "{\"personalIdentityNumber\":" + value + "}");
        } else if (body.get(name).startsWith("[")) {
            copy.put(name, "[" + value + "]");
        } else {
            copy.put(name, value);
        }
        StringBuilder json = new StringBuilder("{");
        copy.forEach((key, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(key).append("\":").append(v));
        return json.append('}').toString();
    }

    private static Map<String, String> body(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private List<String> servedPosts() {
        JsonNode paths = anonymous().get("/v3/api-docs").json().get("paths");
        List<String> operations = new ArrayList<>();
        paths.fieldNames().forEachRemaining(path -> {
            if (path.startsWith("/api/") && paths.get(path).has("post")) {
                operations.add("POST " + path);
            }
        });
        return operations;
    }

    /** Live rows in every table of the application's schema (the access log aside: reads are logged). */
    private long rows() {
        long total = 0;
        for (String table : jdbc.queryForList("SELECT quote_ident(table_name) FROM information_schema.tables "
                + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN "
                + "('access_log', 'access_log_head', 'tokenentry', 'cluster_member', 'statistics_position')", String.class)) {
            total += jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
        }
        return total;
    }

    private Api admin() {
        return as("admin");
    }
}
