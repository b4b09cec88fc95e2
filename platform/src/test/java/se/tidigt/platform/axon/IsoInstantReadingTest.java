package se.tidigt.platform.axon;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsoInstantReadingTest {
    record Occurred(Instant at) {
    }

    record Patterned(@JsonFormat(pattern = "yyyy-MM-dd HH:mm", timezone = "UTC") Instant at) {
    }

    private final ObjectMapper general = new ObjectMapper().registerModule(new JavaTimeModule());
    private final ObjectMapper reading = new ObjectMapper().registerModule(new JavaTimeModule())
            .registerModule(new IsoInstantReading());

    @Test
    void reads_every_form_java_time_reads_as_the_same_instant() throws IOException {
        for (String json : new String[]{"\"2026-12-07T10:15:30.123456Z\"", "\"2026-12-07T10:15:30Z\"",
                "\"2026-12-07T10:15:30+01:00\"", "\"2026-12-31T23:59:60Z\"", "1765102530", "1765102530.5", "null"}) {
            String body = "{\"at\":" + json + "}";
            assertThat(reading.readValue(body, Occurred.class)).as(json).isEqualTo(general.readValue(body, Occurred.class));
        }
    }

    @Test
    void refuses_what_java_time_refuses() {
        assertThatThrownBy(() -> reading.readValue("{\"at\":\"2026-02-30T10:15:30Z\"}", Occurred.class))
                .isInstanceOf(InvalidFormatException.class);
        assertThatThrownBy(() -> reading.readValue("{\"at\":\"yesterday\"}", Occurred.class))
                .isInstanceOf(InvalidFormatException.class);
    }

    @Test
    void a_property_with_a_format_of_its_own_is_read_by_its_format_alone() throws IOException {
        assertThat(reading.readValue("{\"at\":\"2026-12-07 10:15\"}", Patterned.class).at())
                .isEqualTo(Instant.parse("2026-12-07T10:15:00Z"));
        assertThatThrownBy(() -> reading.readValue("{\"at\":\"2026-12-07T10:15:00Z\"}", Patterned.class))
                .isInstanceOf(InvalidFormatException.class);
    }

    @Test
    void an_instant_deserializer_of_the_application_s_own_keeps_its_rules() {
        SimpleModule strict = new SimpleModule("strict");
        strict.addDeserializer(Instant.class, new StdScalarDeserializer<>(Instant.class) {
            @Override
            public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                throw InvalidFormatException.from(parser, "no instant before 1900 or after 2199", parser.getText(), Instant.class);
            }
        });
        ObjectMapper copy = reading.copy().registerModule(strict);
        assertThatThrownBy(() -> copy.readValue("{\"at\":\"2026-12-07T10:15:30Z\"}", Occurred.class))
                .hasMessageContaining("no instant before 1900");
    }
}
