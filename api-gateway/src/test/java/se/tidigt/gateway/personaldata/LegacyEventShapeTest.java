package se.tidigt.gateway.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import se.tidigt.cases.api.InvestigationExtended;
import se.tidigt.gateway.support.ApiTest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stored events of an earlier shape, read as the application reads them: through Axon's event serializer
 * and the application's upcasters. An InvestigationExtended stored before reasons were sealed (its stored
 * payload, as a fixture) reads with its reason where the reader opens it; one stored today carries its
 * fixed type name, revision 2 and the sealed reason only.
 */
class LegacyEventShapeTest extends ApiTest {
    private static final String STORED_TYPE = "se.tidigt.cases.api.InvestigationExtended";

    @Autowired
    @Qualifier("eventSerializer")
    Serializer events;

    @Autowired
    org.axonframework.config.Configuration axon;

    @Autowired
    ObjectMapper json;

    @Test
    void an_extension_recorded_before_sealing_reads_with_its_clear_reason_where_the_reader_opens_it() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/events/InvestigationExtended-before-sealing.json")) {
            InvestigationExtended event = read(in.readAllBytes(), null);
            assertThat(event.sealedReason()).isEqualTo("Awaiting a psychiatric assessment");
            assertThat(event.newDueDate()).isEqualTo(LocalDate.of(2025, 10, 1));
            assertThat(event.previousDueDate()).isEqualTo(LocalDate.of(2025, 8, 1));
        }
    }

    @Test
    void an_extension_of_the_first_shape_recorded_after_sealing_keeps_its_sealed_reason() {
        byte[] stored = ("{\"caseId\":\"case-sealed\",\"district\":\"jarva\",\"occurredAt\":\"2026-05-02T10:00:00Z\","
                + "\"previousDueDate\":\"2026-08-01\",\"newDueDate\":\"2026-10-01\",\"reason\":null,"
                + "\"sealedReason\":\"sealed:v1:AAAA\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(read(stored, null).sealedReason()).isEqualTo("sealed:v1:AAAA");
    }

    @Test
    void an_extension_recorded_now_is_stored_under_its_fixed_name_at_revision_2_with_the_sealed_reason_only()
            throws IOException {
        InvestigationExtended now = new InvestigationExtended("case-now", "farsta", Instant.parse("2026-11-02T09:00:00Z"),
                LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 1), "sealed:v1:BBBB");
        SerializedObject<byte[]> stored = events.serialize(now, byte[].class);

        assertThat(stored.getType().getName()).isEqualTo(STORED_TYPE);
        assertThat(stored.getType().getRevision()).isEqualTo("2");
        JsonNode payload = json.readTree(stored.getData());
        assertThat(payload.has("reason")).isFalse();
        assertThat(read(stored.getData(), "2")).isEqualTo(now);
    }

    private InvestigationExtended read(byte[] payload, String revision) {
        DomainEventData<byte[]> row = new GenericDomainEventEntry<>("Case", "case-legacy", 3, "event-" + revision,
                "2025-05-02T10:00:01Z", STORED_TYPE, revision, payload, "{}".getBytes(StandardCharsets.UTF_8));
        Object event = EventStreamUtils.upcastAndDeserializeDomainEvents(java.util.stream.Stream.of(row), events,
                axon.upcasterChain()).asStream().findFirst().orElseThrow().getPayload();
        assertThat(event).isInstanceOf(InvestigationExtended.class);
        return (InvestigationExtended) event;
    }
}
