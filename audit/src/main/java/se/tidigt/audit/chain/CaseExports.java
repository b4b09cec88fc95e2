package se.tidigt.audit.chain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Service;
import se.tidigt.audit.verifier.VerifyExport;
import se.tidigt.audit.verifier.VerifyExport.StoredEvent;
import se.tidigt.platform.problem.ApiProblem;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

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

    /**
     * The export file. {@code digestNote} stands instead of {@code digestProof} where the day's digest does
     * not cover the case.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CaseExport(String format, String caseId, String exportedAt, String exportedBy, String verifyWith,
                             long sealsStartAfterGlobalIndex, List<ExportedEvent> events, String digestNote,
                             DigestProof digestProof) {
        CaseExport withDigestNote(String note) {
            return new CaseExport(format, caseId, exportedAt, exportedBy, verifyWith, sealsStartAfterGlobalIndex, events,
                    note, null);
        }

        CaseExport withDigestProof(DigestProof proof) {
            return new CaseExport(format, caseId, exportedAt, exportedBy, verifyWith, sealsStartAfterGlobalIndex, events,
                    null, proof);
        }
    }

    /**
     * One stored event as the verifier reads it: its bytes and chain link always written (an absent revision,
     * metadata or seal as null), a readable copy of payload and metadata only where the bytes are JSON.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ExportedEvent(long sequence, String aggregateIdentifier, String aggregateType, String eventIdentifier,
                                String payloadType, String payloadRevision, String recordedAt, String payloadBase64,
                                String metadataBase64, String chainHash, long globalIndex, String seal,
                                @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode payload,
                                @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode metadata) {
    }

    /**
     * The Merkle path from the case's head to the day's digest: {@code cases} for a digest of cases only,
     * the stream count, access log head and signature for a digest of all streams.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DigestProof(String date, int format, String digest, Integer cases, Integer streams,
                              Long accessLogPosition, String accessLogHead, String signature, long headSequence,
                              List<PathStep> path) {
    }

    public record PathStep(String side, String hash) {
    }

    /** @param digestDay the day whose digest the proof leads to; null for the latest final day */
    public CaseExport export(String caseId, LocalDate digestDay, String exportedBy) {
        if (!rows.isCase(caseId)) {
            throw ApiProblem.notFound("Case " + caseId);
        }
        LocalDate day = digestDay != null ? digestDay : digests.latestFinalDay();
        CaseExport export = new CaseExport(FORMAT, caseId, clock.instant().toString(), exportedBy,
                "java VerifyExport.java <this file> [published digest of " + day + "] "
                        + "[--public-key=<published key>] [--mac-key=<the deployment's seal key>]",
                streams.sealsStartAfter(), rows.ofCase(caseId).stream().map(this::event).toList(), null, null);
        if (day.isBefore(digests.firstDay())) {
            // A store younger than the day has no digest of it (and asking for one would be refused).
            return export.withDigestNote("the store holds nothing recorded by the end of " + day
                    + ", so there is no digest of that day; ask for a later digestDate once one is final");
        }
        DailyDigests.Digest digest = digests.get(day);
        DayHeads.Heads dayHeads = heads.of(day, digest.format());
        int index = dayHeads.aggregateIds().indexOf(caseId);
        if (index < 0) {
            return export.withDigestNote("no event of this case was recorded by the end of " + day
                    + ", so that day's digest does not cover it; ask for a later digestDate once one is final");
        }
        List<PathStep> path = VerifyExport.proof(dayHeads.leaves(), index).stream()
                .map(step -> new PathStep(step.getKey(), HEX.formatHex(step.getValue()))).toList();
        long headSequence = dayHeads.headSequences().get(index);
        int leaves = dayHeads.leaves().size();
        DigestProof proof = digest.format() == DayHeads.CASES_ONLY
                ? new DigestProof(day.toString(), digest.format(), digest.digest(), leaves, null, null, null, null,
                        headSequence, path)
                : new DigestProof(day.toString(), digest.format(), digest.digest(), null, leaves,
                        dayHeads.accessLogHead().position(), HEX.formatHex(dayHeads.accessLogHead().hash()),
                        digest.signature(), headSequence, path);
        return export.withDigestProof(proof);
    }

    private ExportedEvent event(StoredEvent e) {
        return new ExportedEvent(e.sequence(), e.aggregateId(), e.aggregateType(), e.eventId(), e.payloadType(),
                e.payloadRevision(), e.recordedAt(), Base64.getEncoder().encodeToString(e.payload()),
                e.metadata() == null ? null : Base64.getEncoder().encodeToString(e.metadata()),
                HEX.formatHex(e.storedLink()), e.globalIndex(), e.seal() == null ? null : HEX.formatHex(e.seal()),
                readable(e.payload()).orElse(null), readable(e.metadata()).orElse(null));
    }

    private Optional<JsonNode> readable(byte[] bytes) {
        try {
            return bytes == null ? Optional.empty() : Optional.ofNullable(json.readTree(bytes));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
