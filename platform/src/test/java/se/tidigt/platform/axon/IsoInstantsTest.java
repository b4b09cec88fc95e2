package se.tidigt.platform.axon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class IsoInstantsTest {
    /** From year 0 to 9999, every second. */
    private static final long EARLIEST = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long LATEST = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    @Test
    void reads_the_store_s_form_as_java_time_does_with_any_number_of_digits_of_a_second() {
        SplittableRandom random = new SplittableRandom(20261207);
        for (int i = 0; i < 200_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(EARLIEST, LATEST + 1), random.nextInt(1_000_000_000));
            String written = instant.toString();
            assertThat(IsoInstants.parse(written)).as(written).isEqualTo(Instant.parse(written));
            // Axon writes milliseconds; other writers fewer or more digits.
            String digits = String.format("%09d", instant.getNano()).substring(0, 1 + random.nextInt(9));
            String cut = written.substring(0, 19) + "." + digits + "Z";
            assertThat(IsoInstants.parse(cut)).as(cut).isEqualTo(Instant.parse(cut));
            String whole = written.substring(0, 19) + "Z";
            assertThat(IsoInstants.parse(whole)).as(whole).isEqualTo(Instant.parse(whole));
        }
    }

    @Test
    void reads_the_last_day_of_every_month_and_the_29th_of_february_only_in_a_leap_year() {
        for (String day : new String[]{"2024-02-29", "2000-02-29", "2026-01-31", "2026-04-30", "2026-12-31", "0000-02-29"}) {
            String text = day + "T12:00:00.5Z";
            assertThat(IsoInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
        assertThat(IsoInstants.parse("2026-02-29T12:00:00Z")).isNull();
        assertThat(IsoInstants.parse("1900-02-29T12:00:00Z")).isNull();
        assertThat(IsoInstants.parse("2026-04-31T12:00:00Z")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-07T10:15:30+01:00", "2026-12-07T10:15:30.5+00:00", "2026-12-31T23:59:60Z",
            "2026-12-07T24:00:00Z", "+12026-12-07T10:15:30Z", "2026-12-07t10:15:30z", "2026-12-07T10:15:30.Z",
            "2026-12-07T10:15:30.1234567890Z", "2026-12-07T10:15Z", "2026-12-07 10:15:30Z", "2026-13-07T10:15:30Z",
            "2026-00-07T10:15:30Z", "2026-12-00T10:15:30Z", "2026-12-07T10:60:30Z", "2026-12-07T1a:15:30Z",
            "2026-12-07T10:15:30", "", "not a time at all, but long enough"})
    void gives_way_to_the_general_reading_for_any_other_form(String text) {
        assertThat(IsoInstants.parse(text)).isNull();
    }

    @Test
    void an_instant_with_an_offset_is_left_to_the_general_reading_which_gives_the_instant_of_the_store_s_form() {
        assertThat(IsoInstants.parse("2026-12-07T10:15:30+01:00")).isNull();
        assertThat(Instant.from(DateTimeFormatter.ISO_INSTANT.parse("2026-12-07T10:15:30+01:00")))
                .isEqualTo(IsoInstants.parse("2026-12-07T09:15:30Z"));
    }
}
