package se.tidigt.personaldata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.tidigt.cases.api.ErasureGround;
import se.tidigt.platform.axon.EventMetadata;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Statutory weeding (gallring) as crypto-shredding: each due file's key is destroyed and the erasure
 * recorded as an event by the actor {@value #ACTOR}; the counts stay. First as a dry run that changes
 * nothing ({@link #preview}), then for real with a stored report ({@link #run}).
 */
@Component
public class Weeding {
    static final String ACTOR = "weeding";
    private static final Logger log = LoggerFactory.getLogger(Weeding.class);

    private final WeedingCandidates candidates;
    private final Erasure erasure;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    Weeding(WeedingCandidates candidates, Erasure erasure, JdbcTemplate jdbc, ObjectMapper json) {
        this.candidates = candidates;
        this.erasure = erasure;
        this.jdbc = jdbc;
        this.json = json;
    }

    public record File(String caseId, Instant lastEntry) {
    }

    public record Preview(int year, Instant lastEntryBefore, int n, int toWeed, int keptForResearch, List<File> weeded,
                   List<File> kept) {
    }

    public record Report(String runId, int year, Instant ranAt, Instant lastEntryBefore, int weeded, int keptForResearch,
                  List<File> weededCases) {
    }

    public Preview preview(int year) {
        Instant cutoff = WeedingRule.lastEntryBefore(year);
        List<WeedingCandidates.Candidate> due = candidates.lastEntryBefore(cutoff);
        List<File> weeded = due.stream().filter(c -> !c.keptForResearch()).map(c -> new File(c.caseId(), c.lastEntry())).toList();
        List<File> kept = due.stream().filter(WeedingCandidates.Candidate::keptForResearch)
                .map(c -> new File(c.caseId(), c.lastEntry())).toList();
        return new Preview(year, cutoff, due.size(), weeded.size(), kept.size(), weeded, kept);
    }

    /** Weeds what the preview lists, one case per transaction, and stores the report. */
    public Report run(int year) {
        Preview due = preview(year);
        Map<String, String> actor = Map.of(EventMetadata.ACTOR_USER, ACTOR, EventMetadata.ACTOR_ROLE, "PLATFORM_ADMIN");
        for (File file : due.weeded()) {
            erasure.erase(file.caseId(), ErasureGround.WEEDING, actor);
        }
        String runId = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO weeding_report (run_id, weeding_year, last_entry_before, weeded, kept_for_research, "
                        + "weeded_cases) VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb))", runId, year,
                Timestamp.from(due.lastEntryBefore()), due.toWeed(), due.keptForResearch(), toJson(due.weeded()));
        log.info("Weeding {}: {} case files weeded, {} kept for research", year, due.toWeed(), due.keptForResearch());
        return reports(year).stream().filter(r -> r.runId().equals(runId)).findFirst().orElseThrow();
    }

    public List<Report> reports(int year) {
        return jdbc.query("SELECT run_id, weeding_year, ran_at, last_entry_before, weeded, kept_for_research, weeded_cases "
                        + "FROM weeding_report WHERE weeding_year = ? ORDER BY ran_at",
                (rs, row) -> new Report(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(), rs.getInt(5), rs.getInt(6), files(rs.getString(7))), year);
    }

    private String toJson(List<File> files) {
        try {
            return json.writeValueAsString(files);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<File> files(String stored) {
        try {
            return List.of(json.readValue(stored, File[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
