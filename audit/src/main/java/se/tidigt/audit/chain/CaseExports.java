package se.tidigt.audit.chain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Service;
import se.tidigt.audit.verifier.VerifyExport;
import se.tidigt.audit.verifier.VerifyExport.StoredEvent;
import se.tidigt.platform.problem.ApiProblem;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A case's history as a file an outside party can verify offline: every event's stored bytes
 * (base64) with a readable copy, its chain link, and the Merkle path from the case's head at the end
 * of a digest day to that day's published digest. {@link VerifyExport} checks all of it.
 */
@Service
public class CaseExports {
    static final String FORMAT = "tidigt-case-export/1";
    private static final HexFormat HEX = HexFormat.of();

    private final EventStoreRows rows;
    private final DailyDigests digests;
    private final DayHeads heads;
    private final ObjectMapper json;
    private final Clock clock;
    private final StreamChains streams;

    CaseExports(EventStoreRows rows, DailyDigests digests, DayHeads heads, ObjectMapper json, Clock clock,
                StreamChains streams) {
        this.streams = streams;
        this.rows = rows;
        this.digests = digests;
        this.heads = heads;
        this.json = json;
        this.clock = clock;
    }

    /** @param digestDay the day whose digest the proof leads to; null for the latest final day */
    public ObjectNode export(String caseId, LocalDate digestDay, String exportedBy) {
        if (!rows.isCase(caseId)) {
            throw ApiProblem.notFound("Case " + caseId);
        }
        LocalDate day = digestDay != null ? digestDay : digests.latestFinalDay();
        ObjectNode export = json.createObjectNode()
                .put("format", FORMAT)
                .put("caseId", caseId)
                .put("exportedAt", clock.instant().toString())
                .put("exportedBy", exportedBy)
                .put("verifyWith", "java VerifyExport.java <this file> [published digest of " + day + "] "
                        + "[--public-key=<published key>] [--mac-key=<the deployment's seal key>]");
        export.put("sealsStartAfterGlobalIndex", streams.sealsStartAfter());
        ArrayNode events = export.putArray("events");
        rows.ofCase(caseId).forEach(e -> events.add(event(e)));
        if (day.isBefore(digests.firstDay())) {
            // A store younger than the day has no digest of it (and asking for one would be refused).
            export.put("digestNote", "the store holds nothing recorded by the end of " + day
                    + ", so there is no digest of that day; ask for a later digestDate once one is final");
            return export;
        }
        DailyDigests.Digest digest = digests.get(day);
        DayHeads.Heads dayHeads = heads.of(day, digest.format());
        int index = dayHeads.aggregateIds().indexOf(caseId);
        if (index < 0) {
            export.put("digestNote", "no event of this case was recorded by the end of " + day
                    + ", so that day's digest does not cover it; ask for a later digestDate once one is final");
            return export;
        }
        ObjectNode proof = export.putObject("digestProof")
                .put("date", day.toString())
                .put("format", digest.format())
                .put("digest", digest.digest());
        if (digest.format() == DayHeads.CASES_ONLY) {
            proof.put("cases", dayHeads.leaves().size());
        } else {
            proof.put("streams", dayHeads.leaves().size())
                    .put("accessLogPosition", dayHeads.accessLogHead().position())
                    .put("accessLogHead", HEX.formatHex(dayHeads.accessLogHead().hash()))
                    .put("signature", digest.signature());
        }
        proof.put("headSequence", dayHeads.headSequences().get(index));
        ArrayNode path = proof.putArray("path");
        for (Map.Entry<String, byte[]> step : VerifyExport.proof(dayHeads.leaves(), index)) {
            path.addObject().put("side", step.getKey()).put("hash", HEX.formatHex(step.getValue()));
        }
        return export;
    }

    private ObjectNode event(StoredEvent e) {
        ObjectNode node = json.createObjectNode()
                .put("sequence", e.sequence())
                .put("aggregateIdentifier", e.aggregateId())
                .put("aggregateType", e.aggregateType())
                .put("eventIdentifier", e.eventId())
                .put("payloadType", e.payloadType())
                .put("payloadRevision", e.payloadRevision())
                .put("recordedAt", e.recordedAt())
                .put("payloadBase64", Base64.getEncoder().encodeToString(e.payload()))
                .put("metadataBase64", e.metadata() == null ? null : Base64.getEncoder().encodeToString(e.metadata()))
                .put("chainHash", HEX.formatHex(e.storedLink()))
                .put("globalIndex", e.globalIndex())
                .put("seal", e.seal() == null ? null : HEX.formatHex(e.seal()));
        readable(e.payload()).ifPresent(tree -> node.set("payload", tree));
        readable(e.metadata()).ifPresent(tree -> node.set("metadata", tree));
        return node;
    }

    private Optional<JsonNode> readable(byte[] bytes) {
        try {
            return bytes == null ? Optional.empty() : Optional.ofNullable(json.readTree(bytes));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
