package se.tidigt.platform.projections;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.tidigt.gateway.support.ApiTest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.tidigt.gateway.support.CaseRequests.concern;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;

/**
 * An event the statistics cannot store (a concern with no district, arriving in the store as a corrupt or
 * foreign event would: inserted with plain SQL) fails its batch's write at commit. The batch is handled
 * again event by event: that one event is parked where an operator sees it and every later event of its
 * segment is counted. A segment that cannot get past a failure shows as an error while it retries.
 */
// Its events stay in the store: a context (and database) of its own, closed after the class.
@org.springframework.test.annotation.DirtiesContext
class UnstorableEventApiTest extends ApiTest {
    private static final String PROJECTIONS = "/api/v1/admin/projections";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_concern_with_no_district_is_parked_and_the_later_events_of_its_segment_are_counted() {
        String model = raiseCase();
        String bad = idInSegmentOf(model);
        insertConcernWithoutDistrict(model, bad);

        List<String> later = laterCasesIncludingOneInSegmentOf(bad);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(parkedCase(bad)).as("the unstorable event is parked").isNotNull());
        assertThat(parkedCase(bad).get("firstEventType").asText()).isEqualTo("ConcernRaised");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(later)
                .as("every later concern is counted, those of the bad event's segment too").allMatch(id -> facts(id) == 1));
        assertThat(facts(bad)).isZero();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(statistics().get("error").asBoolean())
                .as("nothing retrying once the event is parked").isFalse());
        admin().delete(PROJECTIONS + "/case-statistics/parked/" + bad);
    }

    @Test
    void a_segment_that_keeps_failing_shows_as_an_error_until_it_gets_past() {
        String model = raiseCase();
        String bad = idInSegmentOf(model);
        // Parking itself fails: nothing can get the segment past the bad event while this holds.
        jdbc.execute("CREATE OR REPLACE FUNCTION test_refuse_letters() RETURNS trigger LANGUAGE plpgsql AS "
                + "$$ BEGIN RAISE EXCEPTION 'dead letters refused by the test'; END $$");
        jdbc.execute("CREATE TRIGGER test_refuse_letters BEFORE INSERT ON deadletterentry "
                + "FOR EACH ROW EXECUTE FUNCTION test_refuse_letters()");
        try {
            insertConcernWithoutDistrict(model, bad);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                JsonNode statistics = statistics();
                assertThat(statistics.get("error").asBoolean()).as("a retrying segment is an error").isTrue();
                assertThat(statistics.get("segments").toString()).contains("retrying since");
            });
        } finally {
            jdbc.execute("DROP TRIGGER test_refuse_letters ON deadletterentry");
            jdbc.execute("DROP FUNCTION test_refuse_letters()");
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(parkedCase(bad)).isNotNull());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(statistics().get("error").asBoolean()).isFalse());
        String after = raiseCaseWithoutWaiting();
        await().atMost(Duration.ofSeconds(30)).until(() -> facts(after) == 1);
        admin().delete(PROJECTIONS + "/case-statistics/parked/" + bad);
    }

    /** A copy of a stored concern under a new case id, its district taken out, written straight into the event table. */
    private void insertConcernWithoutDistrict(String model, String bad) {
        int inserted = jdbc.update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, "
                + "metadata, payload, payloadrevision, payloadtype, timestamp) "
                + "SELECT ?, 0, type, ?, metadata, convert_to(((convert_from(payload, 'UTF8')::jsonb - 'district') "
                + "|| jsonb_build_object('caseId', ?::text))::text, 'UTF8'), payloadrevision, payloadtype, timestamp "
                + "FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 0",
                bad, UUID.randomUUID().toString(), bad, model);
        assertThat(inserted).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT convert_from(payload, 'UTF8')::jsonb -> 'district' IS NOT NULL FROM domainevententry "
                + "WHERE aggregateidentifier = ?", Boolean.class, bad)).isFalse();
    }

    /** New cases until at least one lands in the bad event's segment (their events all come after it). */
    private List<String> laterCasesIncludingOneInSegmentOf(String bad) {
        List<String> later = new ArrayList<>();
        do {
            later.add(raiseCaseWithoutWaiting());
        } while (later.size() < 4 || later.stream().noneMatch(id -> segmentOf(id) == segmentOf(bad)));
        return later;
    }

    private String idInSegmentOf(String other) {
        String id;
        do {
            id = UUID.randomUUID().toString();
        } while (segmentOf(id) != segmentOf(other));
        return id;
    }

    /** The segment Axon gives a case: its id's hash under the mask of the processor's segments (a power of two). */
    private int segmentOf(String caseId) {
        int segments = Objects.requireNonNull(jdbc.queryForObject(
                "SELECT count(*) FROM tokenentry WHERE processorname = 'case-statistics'", Integer.class));
        return caseId.hashCode() & (Integer.highestOneBit(segments) - 1);
    }

    private String raiseCase() {
        String caseId = raiseCaseWithoutWaiting();
        await().atMost(Duration.ofSeconds(30)).until(() -> facts(caseId) == 1);
        return caseId;
    }

    private String raiseCaseWithoutWaiting() {
        return hv().post("/api/v1/districts/hasselby-vallingby/cases", concern(daysAgo(3))).json().get("caseId").asText();
    }

    private JsonNode statistics() {
        for (JsonNode projection : admin().get(PROJECTIONS).json()) {
            if (projection.get("name").asText().equals("case-statistics")) {
                return projection;
            }
        }
        throw new AssertionError("no case-statistics projection");
    }

    private JsonNode parkedCase(String caseId) {
        for (JsonNode parked : statistics().at("/parked/parked")) {
            if (parked.get("caseId").asText().equals(caseId)) {
                return parked;
            }
        }
        return null;
    }

    private long facts(String caseId) {
        return jdbc.queryForObject("SELECT count(*) FROM case_fact WHERE case_id = ?", Long.class, caseId);
    }

    private se.tidigt.gateway.support.Api admin() {
        return as("admin");
    }
}
