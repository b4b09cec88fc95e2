package se.tidigt.gateway.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import se.tidigt.gateway.support.ApiTest;

import java.sql.Statement;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.tidigt.gateway.audit.AuditCases.fiveEvents;
import static se.tidigt.gateway.audit.AuditCases.recordedAt;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;

/**
 * Someone with write access to the database alters the stored history directly in SQL, with the
 * triggers switched off as a superuser can; verification finds each alteration and names the first
 * sequence that is not genuine. A database of its own: the other tests must not read forged history.
 */
@TestPropertySource(properties = "tidigt.audit.test-database=tampered")
class TamperEvidenceApiTest extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    private String freshCase() {
        String caseId = fiveEvents(hv(), "hasselby-vallingby", daysAgo(9));
        assertThat(verify(caseId).get("intact").asBoolean()).isTrue();
        return caseId;
    }

    private JsonNode verify(String caseId) {
        return as("auditor").get("/api/v1/audit/cases/" + caseId + "/verify").json();
    }

    private void assertBrokenAt(String caseId, long sequence, String reason) {
        JsonNode verdict = verify(caseId);
        assertThat(verdict.get("intact").asBoolean()).as(verdict.toString()).isFalse();
        assertThat(verdict.get("firstBrokenSequence").asLong()).as(verdict.toString()).isEqualTo(sequence);
        assertThat(verdict.get("reason").asText()).contains(reason);
    }

    /** Runs SQL as a superuser who has switched the triggers off (session_replication_role = replica). */
    private void tamper(String... statements) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET session_replication_role = replica");
                try {
                    for (String sql : statements) {
                        statement.execute(sql);
                    }
                } finally {
                    statement.execute("SET session_replication_role = origin");
                }
            }
            return null;
        });
    }

    private static String event(String caseId, int sequence) {
        return "aggregateidentifier = '" + caseId + "' AND sequencenumber = " + sequence;
    }

    @Test
    void an_intact_history_verifies_with_its_event_count_and_head() {
        JsonNode verdict = verify(freshCase());
        assertThat(verdict.get("events").asInt()).isEqualTo(5);
        assertThat(verdict.get("head").asText()).hasSize(64);
        assertThat(verdict.has("firstBrokenSequence")).isFalse();
    }

    @Test
    void one_edited_payload_byte_is_found_at_its_event() {
        String caseId = freshCase();
        tamper("UPDATE domainevententry SET payload = set_byte(payload, 2, get_byte(payload, 2) # 1) WHERE "
                + event(caseId, 2));
        assertBrokenAt(caseId, 2, "content of event 2 was altered");
    }

    @Test
    void one_edited_metadata_byte_is_found_at_its_event() {
        String caseId = freshCase();
        tamper("UPDATE domainevententry SET metadata = set_byte(metadata, 3, get_byte(metadata, 3) # 1) WHERE "
                + event(caseId, 1));
        assertBrokenAt(caseId, 1, "content of event 1 was altered");
    }

    @Test
    void a_deleted_event_is_found_where_it_is_missing() {
        String caseId = freshCase();
        tamper("DELETE FROM domainevententry WHERE " + event(caseId, 2));
        assertBrokenAt(caseId, 2, "event 2 is missing");
    }

    @Test
    void a_deleted_event_with_the_later_ones_renumbered_is_found_where_it_was() {
        String caseId = freshCase();
        tamper("DELETE FROM domainevententry WHERE " + event(caseId, 2),
                "UPDATE domainevententry SET sequencenumber = 2 WHERE " + event(caseId, 3),
                "UPDATE domainevententry SET sequencenumber = 3 WHERE " + event(caseId, 4));
        assertBrokenAt(caseId, 2, "does not follow");
    }

    @Test
    void two_swapped_events_are_found_at_the_first_of_them() {
        String caseId = freshCase();
        tamper("UPDATE domainevententry SET sequencenumber = -1 WHERE " + event(caseId, 1),
                "UPDATE domainevententry SET sequencenumber = 1 WHERE " + event(caseId, 2),
                "UPDATE domainevententry SET sequencenumber = 2 WHERE " + event(caseId, -1));
        assertBrokenAt(caseId, 1, "events 1 and 2 were swapped");
    }

    @Test
    void an_inserted_event_is_found_at_its_place_even_with_a_well_formed_hash_of_its_own() {
        String caseId = freshCase();
        // The forger shifts the later events up and chains the forged event correctly to event 1.
        tamper("UPDATE domainevententry SET sequencenumber = 5 WHERE " + event(caseId, 4),
                "UPDATE domainevententry SET sequencenumber = 4 WHERE " + event(caseId, 3),
                "UPDATE domainevententry SET sequencenumber = 3 WHERE " + event(caseId, 2),
                "INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, "
                        + "payload, payloadrevision, payloadtype, timestamp, chain_hash) "
                        + "SELECT aggregateidentifier, 2, type, 'forged-" + caseId + "', metadata, payload, payloadrevision, "
                        + "payloadtype, timestamp, tidigt_event_link(chain_hash, aggregateidentifier, type, 2, 'forged-"
                        + caseId + "', payloadtype, payloadrevision, payload, metadata, timestamp) "
                        + "FROM domainevententry WHERE " + event(caseId, 1));
        assertBrokenAt(caseId, 2, "an event was inserted at sequence 2");
    }

    @Test
    void a_rewritten_stored_hash_is_found_at_its_event() {
        String caseId = freshCase();
        tamper("UPDATE domainevententry SET chain_hash = sha256('forged'::bytea) WHERE " + event(caseId, 3));
        assertBrokenAt(caseId, 3, "stored hash of event 3 was rewritten");
    }

    @Test
    void an_edit_of_the_last_event_is_found_too() {
        String caseId = freshCase();
        tamper("UPDATE domainevententry SET payload = set_byte(payload, 2, get_byte(payload, 2) # 1) WHERE "
                + event(caseId, 4));
        assertBrokenAt(caseId, 4, "event 4 (the last) was altered");
    }

    @Test
    void events_and_the_access_log_refuse_update_and_delete_while_the_triggers_are_on() {
        String caseId = freshCase();
        assertThatThrownBy(() -> jdbc.update("UPDATE domainevententry SET payload = payload WHERE " + event(caseId, 0)))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM domainevententry WHERE " + event(caseId, 0)))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("UPDATE access_log SET user_id = 'nobody'"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM access_log"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE access_log"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThat(verify(caseId).get("intact").asBoolean()).isTrue();
    }

    @Test
    void a_daily_digest_changes_when_history_before_that_day_is_rewritten_even_with_every_hash_recomputed() {
        Instant day = Instant.parse("2025-01-15T09:00:00Z");
        String caseId = recordedAt(day, () -> fiveEvents(hv(), "hasselby-vallingby", day.minusSeconds(5 * 86_400)));
        String digestPath = "/api/v1/audit/digests/2025-01-15";
        JsonNode digest = as("auditor").get(digestPath).json();
        assertThat(digest.get("cases").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(as("auditor").get(digestPath).json().get("digest")).isEqualTo(digest.get("digest"));
        assertThat(as("auditor").get(digestPath + "/verify").json().get("intact").asBoolean()).isTrue();

        // A careful forger edits event 1 and recomputes the stored hash of it and of every later event.
        StringBuilder rechain = new StringBuilder();
        for (int sequence = 1; sequence <= 4; sequence++) {
            rechain.append("UPDATE domainevententry e SET chain_hash = tidigt_event_link(p.chain_hash, e.aggregateidentifier, "
                    + "e.type, e.sequencenumber, e.eventidentifier, e.payloadtype, e.payloadrevision, e.payload, e.metadata, "
                    + "e.timestamp) FROM domainevententry p WHERE p.aggregateidentifier = e.aggregateidentifier AND "
                    + "p.sequencenumber = e.sequencenumber - 1 AND e.aggregateidentifier = '" + caseId
                    + "' AND e.sequencenumber = " + sequence + ";");
        }
        tamper("UPDATE domainevententry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                + "'\"immediateProtectionNeeded\":false', '\"immediateProtectionNeeded\":true'), 'UTF8') WHERE "
                + event(caseId, 1), rechain.toString());

        // The chain alone cannot see a full rechain; the event's seal can, at once.
        assertBrokenAt(caseId, 1, "seal of event 1 does not match");
        JsonNode verdict = as("auditor").get(digestPath + "/verify").json();
        assertThat(verdict.get("intact").asBoolean()).as(verdict.toString()).isFalse();
        assertThat(verdict.get("recomputed").asText()).isNotEqualTo(verdict.get("stored").asText());
        assertThat(verdict.get("stored")).isEqualTo(digest.get("digest"));
        assertThat(as("auditor").get("/api/v1/audit/cases/" + caseId + "/history?size=2").json()
                .at("/events/1/payload/immediateProtectionNeeded").asBoolean()).isTrue();
    }

    @Test
    void a_digest_exists_only_for_a_day_that_has_ended_and_the_store_lived_through_and_its_verify_needs_one_stored() {
        se.tidigt.gateway.support.ProblemAssertions.assertProblem(
                as("auditor").get("/api/v1/audit/digests/2999-01-01"), 400);
        se.tidigt.gateway.support.ProblemAssertions.assertProblem(
                as("auditor").get("/api/v1/audit/digests/not-a-date"), 400);
        se.tidigt.gateway.support.ProblemAssertions.assertProblem(
                as("auditor").get("/api/v1/audit/digests/2001-02-03/verify"), 404);
        // Before the store existed there is nothing to digest, and an auditor's request stores nothing.
        for (String day : new String[]{"0001-01-01", "2001-02-03"}) {
            JsonNode problem = se.tidigt.gateway.support.ProblemAssertions.assertProblem(
                    as("auditor").get("/api/v1/audit/digests/" + day), 400);
            assertThat(problem.toString()).contains("lived through");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_digest WHERE day < '2020-01-01'", Long.class)).isZero();
    }

    @Test
    void an_altered_or_removed_access_log_entry_is_found_by_its_verify() {
        String caseId = freshCase();
        for (int i = 0; i < 3; i++) {
            hv().get("/api/v1/cases/" + caseId);
        }
        assertThat(as("auditor").get("/api/v1/audit/access-log/verify").json().get("intact").asBoolean()).isTrue();
        Long middle = jdbc.queryForObject("SELECT max(position) - 1 FROM access_log", Long.class);

        tamper("UPDATE access_log SET user_id = 'someone-else' WHERE position = " + middle);

        JsonNode verdict = as("auditor").get("/api/v1/audit/access-log/verify").json();
        assertThat(verdict.get("intact").asBoolean()).isFalse();
        assertThat(verdict.get("firstBrokenPosition").asLong()).isEqualTo(middle);
        assertThat(verdict.get("reason").asText()).contains("altered");
    }
}
