package se.tidigt.platform.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tidigt.gateway.support.CaseRequests.childAged;
import static se.tidigt.gateway.support.CaseRequests.concern;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;

/**
 * Nothing a request holds comes back from the store by hashing guesses: an imported line without a case
 * id gets a random id, and every key or record derived from a request is an HMAC under the deployment's
 * secret. The test recomputes every unkeyed hash an attacker would try (MD5, SHA-1, SHA-256 of the line
 * and of the body, bare and with the prefixes the code has used, as hex, Base64 and name-based UUID)
 * and finds none of them in any table.
 */
class NoUnkeyedRequestHashApiTest extends ApiTest {
    private static final List<String> PREFIXES = List.of("", "case:", "offer:", "import-line:", "case-", "import:");

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void an_imported_line_and_a_keyed_write_leave_no_unkeyed_hash_of_the_request_in_any_table() throws Exception {
        String line = "{\"type\":\"RaiseConcern\",\"district\":\"rinkeby-kista\",\"receivedAt\":\"2022-09-01T08:00:00Z\","
                + "\"reporter\":\"POLICE\",\"concerns\":[\"CRIME_RISK\"],\"child\":{\"personalIdentityNumber\":\""
                + childAged(11) + "\"}}";
        JsonNode report = as("jarva-admin").with("Idempotency-Key", sha256Hex(line))
                .postRaw("/api/v1/import", line, "application/x-ndjson").json();
        assertThat(report.get("stored").asInt()).as(report.toString()).isEqualTo(1);
        String caseId = report.at("/results/0/result/caseId").asText();
        assertThat(caseId).isNotBlank();
        String offerLine = "{\"type\":\"OfferIntervention\",\"caseId\":\"" + caseId + "\",\"offeredAt\":\"2022-09-12T10:00:00Z\","
                + "\"interventionType\":\"CONTACT_PERSON\"}";
        String steps = String.join("\n",
                "{\"type\":\"AssessProtectionNeed\",\"caseId\":\"" + caseId + "\",\"assessedAt\":\"2022-09-01T15:00:00Z\","
                        + "\"immediateProtectionNeeded\":false}",
                "{\"type\":\"CompleteInitialAssessment\",\"caseId\":\"" + caseId + "\",\"completedAt\":\"2022-09-10T10:00:00Z\","
                        + "\"decision\":\"EARLY_SUPPORT\"}",
                offerLine);
        JsonNode offered = as("jarva-admin").postRaw("/api/v1/import", steps, "application/x-ndjson").json();
        assertThat(offered.get("stored").asInt()).as(offered.toString()).isEqualTo(3);
        String offerId = offered.at("/results/2/result/offerId").asText();
        assertThat(offerId).isNotBlank();

        Map<String, Object> body = concern(childAged(12), daysAgo(2));
        String bodyJson = Api.JSON.writeValueAsString(body);
        Api.Response raised = hv().with("Idempotency-Key", sha256Hex(bodyJson))
                .post("/api/v1/districts/hasselby-vallingby/cases", body);
        assertThat(raised.status()).isEqualTo(201);

        List<String> requests = new ArrayList<>(List.of(line, offerLine, bodyJson));
        requests.add(Api.JSON.readTree(line).toString());
        requests.add(Api.JSON.readTree(offerLine).toString());
        Map<String, String> guesses = guesses(requests);
        assertThat(guesses).as("the guesses include the id the old import derived").containsValue(
                UUID.nameUUIDFromBytes(("case:" + Api.JSON.readTree(line)).getBytes(StandardCharsets.UTF_8)).toString());
        assertThat(guesses.values()).doesNotContain(caseId, offerId);

        List<String> found = new ArrayList<>();
        for (String table : tables()) {
            for (String row : jdbc.queryForList("SELECT t::text FROM " + table + " t", String.class)) {
                String lower = row.toLowerCase();
                guesses.forEach((how, guess) -> {
                    if (how.contains("base64") ? row.contains(guess) : lower.contains(guess)) {
                        found.add(how + " in " + table);
                    }
                });
            }
        }
        assertThat(found).as("unkeyed hashes of the requests found in the store").isEmpty();
    }

    private List<String> tables() {
        return jdbc.queryForList("SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables "
                + "WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')", String.class);
    }

    /** Every unkeyed digest of every request, bare and prefixed: what it is → the text it would be stored as. */
    private static Map<String, String> guesses(List<String> requests) throws Exception {
        Map<String, String> guesses = new LinkedHashMap<>();
        for (int r = 0; r < requests.size(); r++) {
            for (String prefix : PREFIXES) {
                byte[] input = (prefix + requests.get(r)).getBytes(StandardCharsets.UTF_8);
                for (String algorithm : List.of("MD5", "SHA-1", "SHA-256")) {
                    byte[] digest = MessageDigest.getInstance(algorithm).digest(input);
                    String what = algorithm + "('" + prefix + "' + request " + r + ")";
                    guesses.put(what + " hex", HexFormat.of().formatHex(digest));
                    guesses.put(what + " base64", Base64.getEncoder().encodeToString(digest));
                    guesses.put(what + " base64url", Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
                }
                guesses.put("UUIDv3('" + prefix + "' + request " + r + ")", UUID.nameUUIDFromBytes(input).toString());
            }
        }
        return guesses;
    }

    private static String sha256Hex(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
