package se.tidigt.gateway.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import se.tidigt.audit.verifier.VerifyExport;
import se.tidigt.audit.signed.Checkpoint;
import se.tidigt.audit.signed.Checkpoints;
import se.tidigt.platform.secrets.AuditKeys;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tidigt.gateway.audit.AuditCases.fiveEvents;
import static se.tidigt.gateway.audit.AuditCases.recordedAt;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;
import static se.tidigt.gateway.audit.Tampering.rechain;
import static se.tidigt.gateway.audit.Tampering.tamper;
import static se.tidigt.gateway.support.ProblemAssertions.assertProblem;

/**
 * What a database superuser can do to the audit trail, and what finds it: every stream (not only cases)
 * is verifiable and pinned by the daily digest; every event carries a seal under a key the database does not
 * hold, so a row inserted or rewritten with SQL is found at once, even rechained. Tampering as a superuser
 * would (SQL, triggers off where a tamperer would switch them off). A database of its own.
 */
@TestPropertySource(properties = "tidigt.audit.test-database=superuser-tampering")
class SuperuserTamperingApiTest extends ApiTest {
    private static final String TEAM = "VALLINGBY_TEAM";

    @Autowired
    JdbcTemplate jdbc;

    private JsonNode verifyStream(String aggregateId) {
        Api.Response answer = as("auditor").get("/api/v1/audit/streams/" + aggregateId + "/verify");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void a_rollout_stream_verifies_with_the_case_verify_shape_and_only_an_auditor_may_ask() {
        assertThat(as("admin").post("/api/v1/districts/farsta/rollout/adoptions",
                Map.of("workModel", TEAM, "effectiveFrom", "2022-01-01")).status()).isEqualTo(201);
        JsonNode verdict = verifyStream("farsta");
        assertThat(verdict.get("intact").asBoolean()).as(verdict.toString()).isTrue();
        assertThat(verdict.get("aggregateId").asText()).isEqualTo("farsta");
        assertThat(verdict.get("events").asInt()).isEqualTo(1);
        assertThat(verdict.get("head").asText()).hasSize(64);
        assertThat(verdict.has("firstBrokenSequence")).isFalse();
        assertThat(verifyStream(TEAM).get("intact").asBoolean()).as("a built-in work model's stream").isTrue();
        assertProblem(as("auditor").get("/api/v1/audit/streams/no-such-stream-1/verify"), 404);
        assertProblem(as("admin").get("/api/v1/audit/streams/farsta/verify"), 403);
    }

    @Test
    void an_adoption_date_moved_a_year_back_and_rechained_changes_the_days_digest() {
        Instant day = Instant.parse("2025-03-12T09:00:00Z");
        recordedAt(day, () -> as("admin").post("/api/v1/districts/enskede-arsta-vantor/rollout/adoptions",
                Map.of("workModel", TEAM, "effectiveFrom", "2021-05-01")));
        String digestPath = "/api/v1/audit/digests/2025-03-12";
        JsonNode digest = as("auditor").get(digestPath).json();
        assertThat(digest.get("format").asInt()).isEqualTo(2);
        assertThat(digest.get("streams").asInt()).as(digest.toString()).isGreaterThan(digest.get("cases").asInt());
        assertThat(digest.has("accessLogPosition")).as("the access log's head is bound too").isTrue();
        assertThat(digest.get("accessLogHead").asText()).hasSize(64);
        assertThat(as("auditor").get(digestPath + "/verify").json().get("intact").asBoolean()).isTrue();

        tamper(jdbc, "UPDATE domainevententry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                + "'2021-05-01', '2020-05-01'), 'UTF8') WHERE aggregateidentifier = 'enskede-arsta-vantor'",
                rechain("enskede-arsta-vantor", 0, 0));

        JsonNode verdict = as("auditor").get(digestPath + "/verify").json();
        assertThat(verdict.get("intact").asBoolean()).as(verdict.toString()).isFalse();
        assertThat(verdict.get("stored")).isEqualTo(digest.get("digest"));
    }

    private JsonNode verifyCase(String caseId) {
        return as("auditor").get("/api/v1/audit/cases/" + caseId + "/verify").json();
    }

    private static void assertBroken(JsonNode verdict, long sequence, String reason) {
        assertThat(verdict.get("intact").asBoolean()).as(verdict.toString()).isFalse();
        assertThat(verdict.get("firstBrokenSequence").asLong()).as(verdict.toString()).isEqualTo(sequence);
        assertThat(verdict.get("reason").asText()).as(verdict.toString()).contains(reason);
    }

    private String freshCase() {
        String caseId = fiveEvents(hv(), "hasselby-vallingby", daysAgo(9));
        assertThat(verifyCase(caseId).get("intact").asBoolean()).isTrue();
        return caseId;
    }

    @Test
    void an_event_inserted_with_plain_sql_is_found_at_once_though_the_trigger_chained_it() {
        String caseId = freshCase();
        // Triggers on: the insert trigger chains the forged row, with a forged actor, as it would any row.
        jdbc.update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, "
                + "payload, payloadrevision, payloadtype, timestamp) SELECT aggregateidentifier, 5, type, 'forged-' || "
                + "aggregateidentifier, convert_to(replace(convert_from(metadata, 'UTF8'), 'hv-admin', 'someone-else'), "
                + "'UTF8'), payload, payloadrevision, payloadtype, timestamp FROM domainevententry WHERE "
                + "aggregateidentifier = ? AND sequencenumber = 4", caseId);
        assertBroken(verifyCase(caseId), 5, "carries no seal");
        assertBroken(verifyStream(caseId), 5, "inserted with SQL");
    }

    @Test
    void a_case_rewritten_and_rechained_is_found_at_once_not_at_the_next_digest() {
        String caseId = freshCase();
        tamper(jdbc, "UPDATE domainevententry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                + "'\"immediateProtectionNeeded\":false', '\"immediateProtectionNeeded\":true'), 'UTF8') WHERE "
                + "aggregateidentifier = '" + caseId + "' AND sequencenumber = 1", rechain(caseId, 1, 4));
        assertBroken(verifyCase(caseId), 1, "seal of event 1 does not match");
    }

    @Test
    void an_adoption_date_moved_and_rechained_is_found_by_the_streams_verify_at_once() {
        assertThat(as("admin").post("/api/v1/districts/spanga-tensta/rollout/adoptions",
                Map.of("workModel", TEAM, "effectiveFrom", "2021-09-01")).status()).isEqualTo(201);
        assertThat(verifyStream("spanga-tensta").get("intact").asBoolean()).isTrue();
        tamper(jdbc, "UPDATE domainevententry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                + "'2021-09-01', '2020-09-01'), 'UTF8') WHERE aggregateidentifier = 'spanga-tensta'",
                rechain("spanga-tensta", 0, 0));
        assertBroken(verifyStream("spanga-tensta"), 0, "seal of event 0 does not match");
    }

    @Test
    void global_indexes_swapped_between_two_cases_are_found_in_both() {
        String first = freshCase();
        String second = freshCase();
        String at = "SELECT globalindex FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 2";
        Long firstIndex = jdbc.queryForObject(at, Long.class, first);
        Long secondIndex = jdbc.queryForObject(at, Long.class, second);
        tamper(jdbc, "UPDATE domainevententry SET globalindex = -1 WHERE globalindex = " + firstIndex,
                "UPDATE domainevententry SET globalindex = " + firstIndex + " WHERE globalindex = " + secondIndex,
                "UPDATE domainevententry SET globalindex = " + secondIndex + " WHERE globalindex = -1");
        assertBroken(verifyCase(first), 2, "global");
        assertBroken(verifyCase(second), 2, "global");
    }

    @Autowired
    Checkpoints checkpoints;

    @Autowired
    AuditKeys keys;

    @Test
    void deleting_the_access_logs_tail_and_moving_its_head_is_found_against_the_last_signed_checkpoint() {
        String caseId = freshCase();
        for (int i = 0; i < 4; i++) {
            hv().get("/api/v1/cases/" + caseId);
        }
        long recorded = checkpoints.take().orElseThrow().accessLogPosition();
        assertThat(as("auditor").get("/api/v1/audit/access-log/verify").json().get("intact").asBoolean()).isTrue();

        tamper(jdbc, "DELETE FROM access_log WHERE position >= " + (recorded - 2),
                "UPDATE access_log_head SET position = l.position, entry_hash = l.entry_hash FROM (SELECT position, "
                        + "entry_hash FROM access_log ORDER BY position DESC LIMIT 1) l");

        JsonNode verdict = as("auditor").get("/api/v1/audit/access-log/verify").json();
        assertThat(verdict.get("intact").asBoolean()).as(verdict.toString()).isFalse();
        assertThat(verdict.get("firstBrokenPosition").asLong()).isEqualTo(recorded - 2);
        assertThat(verdict.get("reason").asText()).contains("were removed").contains("signed");
    }

    @Test
    void a_stream_cut_short_since_a_signed_checkpoint_is_found() {
        Instant minutesAgo = Instant.now().minusSeconds(300);
        String caseId = recordedAt(minutesAgo, () -> fiveEvents(hv(), "hasselby-vallingby", minutesAgo.minusSeconds(86_400)));
        Checkpoint checkpoint = checkpoints.take().orElseThrow();
        assertThat(checkpoint.heads()).anySatisfy(head -> {
            assertThat(head.aggregateId()).isEqualTo(caseId);
            assertThat(head.sequence()).isEqualTo(4);
        });
        assertThat(verifyCase(caseId).get("intact").asBoolean()).isTrue();

        tamper(jdbc, "DELETE FROM domainevententry WHERE aggregateidentifier = '" + caseId + "' AND sequencenumber >= 3");

        assertBroken(verifyCase(caseId), 3, "events from sequence 3 on were removed");
    }

    @Test
    void a_rewritten_or_removed_stored_digest_is_found_against_its_signed_copy_outside_the_database() {
        Instant day = Instant.parse("2025-04-02T09:00:00Z");
        recordedAt(day, () -> fiveEvents(hv(), "hasselby-vallingby", day.minusSeconds(86_400)));
        String path = "/api/v1/audit/digests/2025-04-02";
        JsonNode digest = as("auditor").get(path).json();
        JsonNode key = as("auditor").get("/api/v1/audit/digests/public-key").json();
        assertThat(key.get("algorithm").asText()).isEqualTo("Ed25519");
        java.security.PublicKey publicKey = VerifyExport.publicKey(key.get("publicKey").asText());
        String statement = VerifyExport.DayDigest.statement("2025-04-02", digest.get("streams").asInt(),
                digest.get("accessLogPosition").asLong(), java.util.HexFormat.of().parseHex(digest.get("accessLogHead").asText()),
                java.util.HexFormat.of().parseHex(digest.get("digest").asText()));
        assertThat(VerifyExport.verifySignature(publicKey, statement,
                java.util.Base64.getDecoder().decode(digest.get("signature").asText()))).isTrue();
        assertThat(as("auditor").get(path + "/verify").json().get("intact").asBoolean()).isTrue();

        tamper(jdbc, "UPDATE audit_digest SET digest = sha256('forged'::bytea) WHERE day = '2025-04-02'");
        JsonNode rewritten = as("auditor").get(path + "/verify").json();
        assertThat(rewritten.get("intact").asBoolean()).as(rewritten.toString()).isFalse();
        assertThat(rewritten.get("reason").asText()).contains("was rewritten");
        assertThat(rewritten.get("signed")).isEqualTo(digest.get("digest"));

        tamper(jdbc, "DELETE FROM audit_digest WHERE day = '2025-04-02'");
        JsonNode removed = as("auditor").get(path + "/verify").json();
        assertThat(removed.get("intact").asBoolean()).as(removed.toString()).isFalse();
        assertThat(removed.get("reason").asText()).contains("was removed");
        JsonNode fromCopy = as("auditor").get(path).json();
        assertThat(fromCopy.get("digest")).isEqualTo(digest.get("digest"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_digest WHERE day = '2025-04-02'", Long.class))
                .as("the signed copy is shown, nothing is stored anew").isZero();
    }

    @Test
    void a_seal_start_moved_up_to_excuse_an_unsealed_row_is_found_against_the_checkpoints() {
        String caseId = freshCase();
        checkpoints.take().orElseThrow();
        Long start = jdbc.queryForObject("SELECT last_global_index FROM event_seal_start", Long.class);
        tamper(jdbc, "UPDATE event_seal_start SET last_global_index = 1000000000");
        try {
            assertBroken(verifyCase(caseId), 0, "it was moved");
        } finally {
            tamper(jdbc, "UPDATE event_seal_start SET last_global_index = " + start); // the other tests share the database
        }
    }

    @Test
    void the_signing_key_verifies_what_it_signs_and_the_public_key_is_served() {
        byte[] signature = keys.sign("tidigt");
        assertThat(VerifyExport.verifySignature(keys.publicKey(), "tidigt", signature)).isTrue();
        assertThat(VerifyExport.verifySignature(keys.publicKey(), "tidigT", signature)).isFalse();
        assertThat(as("auditor").get("/api/v1/audit/digests/public-key").json().get("publicKey").asText())
                .isEqualTo(java.util.Base64.getEncoder().encodeToString(keys.publicKey().getEncoded()));
        assertProblem(as("admin").get("/api/v1/audit/digests/public-key"), 403);
    }
}
