package se.tidigt.query.caseview;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import se.tidigt.cases.api.Child;
import se.tidigt.cases.api.ConcernKind;
import se.tidigt.cases.api.ConcernRaised;
import se.tidigt.cases.api.ConsentBy;
import se.tidigt.cases.api.FamilyAccepted;
import se.tidigt.cases.api.InitialAssessmentCompleted;
import se.tidigt.cases.api.InitialAssessmentDecision;
import se.tidigt.cases.api.InterventionOffered;
import se.tidigt.cases.api.InterventionType;
import se.tidigt.cases.api.InvestigationExtended;
import se.tidigt.cases.api.InvestigationOpened;
import se.tidigt.cases.api.ReporterCategory;
import se.tidigt.cases.api.WorkerAssigned;
import se.tidigt.cases.api.WorkerFunction;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case view's JSON, as the case_view table stores it and the API answers it, written by a mapper set as the
 * application's (nulls left out, dates as text): the same field names as a view's fields, the child's pseudonym
 * never in it, and a view read back writes the same document.
 */
class CaseViewJsonTest {
    private static final Instant AT = Instant.parse("2026-01-05T10:00:00Z");
    private static final String CASE = "c-1";
    private static final String DISTRICT = "hasselby-vallingby";
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).setSerializationInclusion(JsonInclude.Include.NON_NULL);

    @Test
    void a_view_is_written_field_by_field_without_the_pseudonym_and_read_back_unchanged() throws Exception {
        CaseView view = CaseView.raisedBy(new ConcernRaised(CASE, DISTRICT, AT, "ORDINARY", ReporterCategory.SCHOOL,
                Set.of(ConcernKind.SCHOOL_ABSENCE), new Child("child-1", YearMonth.of(2014, 3), false)), 1);
        view.apply(new WorkerAssigned(CASE, DISTRICT, AT, "w-1", WorkerFunction.INTAKE), 2);
        view.apply(new InitialAssessmentCompleted(CASE, DISTRICT, AT, InitialAssessmentDecision.OPEN_INVESTIGATION), 3);
        view.apply(new InvestigationOpened(CASE, DISTRICT, AT, LocalDate.of(2026, 5, 5)), 4);
        view.apply(new InvestigationExtended(CASE, DISTRICT, AT, LocalDate.of(2026, 5, 5), LocalDate.of(2026, 7, 5),
                "sealed:v1:abc"), 5);
        view.apply(new InterventionOffered(CASE, DISTRICT, AT, "o-1", InterventionType.CONTACT_PERSON), 6);
        view.apply(new FamilyAccepted(CASE, DISTRICT, AT, "o-1", ConsentBy.GUARDIANS), 7);

        String written = json.writeValueAsString(view);
        JsonNode tree = json.readTree(written);

        assertThat(names(tree)).containsExactly("caseId", "district", "workModel", "status", "receivedAt", "reporter",
                "concerns", "childBirthMonth", "progress", "workers", "collaborations", "transfers", "proposals",
                "lastOccurredAt", "version");
        assertThat(written).doesNotContain("child-1");
        assertThat(names(tree.get("progress"))).containsExactly("initialAssessment", "investigation", "offers", "placements");
        assertThat(names(tree.at("/progress/investigation"))).containsExactly("openedAt", "dueDate", "extensions");
        assertThat(tree.at("/progress/investigation/dueDate").asText()).isEqualTo("2026-07-05");
        assertThat(tree.at("/progress/investigation/extensions/0/reason").asText()).isEqualTo("sealed:v1:abc");
        assertThat(names(tree.at("/progress/offers/0"))).containsExactly("offerId", "interventionType", "offeredAt", "answer",
                "respondedAt", "consentBy");
        assertThat(tree.get("version").asLong()).isEqualTo(7);
        assertThat(json.writeValueAsString(json.readValue(written, CaseView.class))).isEqualTo(written);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
