package se.tidigt.audit.chain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export file's fields as the offline verifier reads them, written by the application's mapper (which
 * leaves out nulls by default): what a stored event lacks (revision, metadata, seal) is written as null,
 * a readable copy only where there is one, and the digest's note or its proof, never both.
 */
class CaseExportJsonTest {
    private final ObjectMapper json = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

    @Test
    void an_event_without_revision_metadata_or_seal_writes_them_as_null_and_no_readable_copy() throws Exception {
        CaseExports.ExportedEvent event = new CaseExports.ExportedEvent(0, "case-1", "Case", "event-1",
                "se.tidigt.cases.api.ConcernRaised", null, "2026-01-05T10:00:00Z", "e30=", null, "ab", 7, null, null, null);
        JsonNode written = json.valueToTree(new CaseExports.CaseExport(CaseExports.FORMAT, "case-1", "2026-01-06T00:00:00Z",
                "auditor", "java VerifyExport.java", 0, List.of(event), "no digest yet", null));

        JsonNode first = written.get("events").get(0);
        assertThat(first.get("payloadRevision").isNull()).isTrue();
        assertThat(first.get("metadataBase64").isNull()).isTrue();
        assertThat(first.get("seal").isNull()).isTrue();
        assertThat(first.has("payload")).isFalse();
        assertThat(first.has("metadata")).isFalse();
        assertThat(written.get("digestNote").asText()).isEqualTo("no digest yet");
        assertThat(written.has("digestProof")).isFalse();
        assertThat(written.get("sealsStartAfterGlobalIndex").asLong()).isZero();
    }

    @Test
    void a_proof_of_a_digest_of_all_streams_names_the_access_log_and_no_case_count() {
        CaseExports.DigestProof proof = new CaseExports.DigestProof("2026-01-05", 2, "cd", null, 3, 12L, "ef", "sig", 4,
                List.of(new CaseExports.PathStep("L", "01")));
        JsonNode written = json.valueToTree(new CaseExports.CaseExport(CaseExports.FORMAT, "case-1", "2026-01-06T00:00:00Z",
                "auditor", "java VerifyExport.java", 0, List.of(), null, null).withDigestProof(proof));

        assertThat(written.has("digestNote")).isFalse();
        JsonNode writtenProof = written.get("digestProof");
        assertThat(writtenProof.has("cases")).isFalse();
        assertThat(writtenProof.get("streams").asInt()).isEqualTo(3);
        assertThat(writtenProof.get("accessLogPosition").asLong()).isEqualTo(12);
        assertThat(writtenProof.get("path").get(0).get("side").asText()).isEqualTo("L");
        assertThat(writtenProof.get("headSequence").asLong()).isEqualTo(4);
    }
}
