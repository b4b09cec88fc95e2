package se.tidigt.query.rollout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import se.tidigt.rollout.api.DistrictRolloutEvent;
import se.tidigt.rollout.api.RolloutTimeline;
import se.tidigt.rollout.api.WorkModel;
import se.tidigt.rollout.api.WorkModels;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Reads work models, district timelines and plans. */
@Service
public class RolloutViews {
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    RolloutViews(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<WorkModel> workModels() {
        return jdbc.query("SELECT code, name, principles FROM work_model ORDER BY defined_at, code",
                (rs, row) -> new WorkModel(rs.getString(1), rs.getString(2), read(rs.getString(3), List.class)));
    }

    public boolean workModelExists(String code) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM work_model WHERE code = ?", Long.class, code);
        return n != null && n > 0;
    }

    /** The district's timeline, in the order its events were recorded. */
    public RolloutTimeline timelineOf(String district) {
        List<DistrictRolloutEvent> events = jdbc.query("SELECT event_type, payload FROM district_rollout_event "
                        + "WHERE district = ? ORDER BY sequence_number",
                (rs, row) -> read(rs.getString(2), RolloutEventTypes.BY_NAME.get(rs.getString(1))), district);
        return RolloutTimeline.of(events);
    }

    /** The model in force in a district on a date: the adopted one, or ordinary work. */
    public String modelInForce(String district, LocalDate date) {
        return timelineOf(district).modelInForceOn(date).orElse(WorkModels.ORDINARY_CODE);
    }

    public Optional<RolloutPlanView> plan(String planId) {
        return jdbc.query("SELECT document FROM rollout_plan WHERE plan_id = ?",
                (rs, row) -> read(rs.getString(1), RolloutPlanView.class), planId).stream().findFirst();
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable rollout row", e);
        }
    }
}
