package se.tidigt.query.rollout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.tidigt.rollout.api.DistrictRolloutEvent;
import se.tidigt.rollout.api.RolloutPlanApproved;
import se.tidigt.rollout.api.RolloutPlanCreated;
import se.tidigt.rollout.api.WorkModelDefined;

import java.sql.Date;
import java.sql.Timestamp;

/**
 * Work models, district timelines and rollout plans, for reading. Subscribing: it runs in the
 * transaction of the rollout event. Idempotent: rows are keyed by the event's place in its stream.
 * Every write (and the reset) moves {@code rollout_version} (V246) in the same transaction: what cached
 * statistics that read the rollout are keyed by.
 */
@Component
@ProcessingGroup(RolloutProjection.PROCESSING_GROUP)
class RolloutProjection {
    static final String PROCESSING_GROUP = "rollout";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    RolloutProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(WorkModelDefined event) {
        jdbc.update("INSERT INTO work_model (code, name, principles, defined_at) VALUES (?, ?, CAST(? AS jsonb), ?) "
                + "ON CONFLICT (code) DO NOTHING", event.code(), event.name(), write(event.principles()),
                Timestamp.from(event.occurredAt()));
        changed();
    }

    @EventHandler
    void on(DistrictRolloutEvent event, @SequenceNumber long sequenceNumber) {
        jdbc.update("INSERT INTO district_rollout_event (district, sequence_number, event_type, effective_from, payload) "
                        + "VALUES (?, ?, ?, ?, CAST(? AS jsonb)) ON CONFLICT DO NOTHING", event.district(), sequenceNumber,
                RolloutEventTypes.nameOf(event), Date.valueOf(event.effectiveFrom()), write(event));
        changed();
    }

    @EventHandler
    void on(RolloutPlanCreated event) {
        jdbc.update("INSERT INTO rollout_plan (plan_id, document) VALUES (?, CAST(? AS jsonb)) ON CONFLICT DO NOTHING",
                event.planId(), write(RolloutPlanView.created(event)));
        changed();
    }

    @EventHandler
    void on(RolloutPlanApproved event) {
        jdbc.update("UPDATE rollout_plan SET document = document || CAST(? AS jsonb) WHERE plan_id = ?",
                write(java.util.Map.of("approvedBy", event.approvedBy(), "approvedAt", event.approvedAt())), event.planId());
        changed();
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM work_model");
        jdbc.update("DELETE FROM district_rollout_event");
        jdbc.update("DELETE FROM rollout_plan");
        changed();
    }

    private void changed() {
        jdbc.update("UPDATE rollout_version SET version = version + 1 WHERE id = 1");
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
