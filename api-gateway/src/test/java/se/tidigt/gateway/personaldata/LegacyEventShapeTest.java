package se.tidigt.gateway.personaldata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import se.tidigt.cases.api.InvestigationExtended;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An InvestigationExtended stored before reasons were sealed (JSON fixture of its stored payload)
 * still reads: the field added since ({@code sealedReason}) is null and the reason is where it was.
 */
class LegacyEventShapeTest {

    @Test
    void an_extension_recorded_before_sealing_reads_with_its_reason_in_the_old_field() throws IOException {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        try (InputStream in = getClass().getResourceAsStream("/events/InvestigationExtended-before-sealing.json")) {
            InvestigationExtended event = json.readValue(in, InvestigationExtended.class);
            assertThat(event.reason()).isEqualTo("Awaiting a psychiatric assessment");
            assertThat(event.sealedReason()).isNull();
            assertThat(event.newDueDate()).isEqualTo(LocalDate.of(2025, 10, 1));
        }
    }
}
