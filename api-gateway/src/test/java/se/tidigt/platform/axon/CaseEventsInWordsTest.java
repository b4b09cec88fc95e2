package se.tidigt.platform.axon;

import org.junit.jupiter.api.Test;
import se.tidigt.cases.api.CaseEvent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditors' timeline names each event by its type ('ev' + type in the dashboard's texts) and falls back
 * to the type's words spaced out: every case event the store can hold has its name in Swedish and in English.
 */
class CaseEventsInWordsTest {

    @Test
    void every_stored_case_event_has_a_name_in_swedish_and_in_english() throws IOException {
        String texts;
        try (InputStream in = getClass().getResourceAsStream("/static/dashboard/i18n.js")) {
            texts = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> caseEvents = StoredEventTypes.NAMES.values().stream().filter(CaseEvent.class::isAssignableFrom)
                .map(Class::getSimpleName).toList();
        assertThat(caseEvents).contains("PlacementStarted", "PlacementEnded");
        for (String event : caseEvents) {
            // One entry a text: its Swedish and its English words, in that order.
            Matcher names = Pattern.compile("\\bev" + event + ": \\['([^']+)', '([^']+)'\\]").matcher(texts);
            assertThat(names.find()).as(event + " in Swedish and in English").isTrue();
            assertThat(names.group(2)).as(event + ": two languages, two names").isNotEqualTo(names.group(1));
        }
    }
}
