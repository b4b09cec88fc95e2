package se.tidigt.query.caseview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

/** The {@code case_view} table: indexed columns for the queries, the whole view as a JSONB document. */
@Repository
class CaseViewRepository {
    private static final String COLUMNS = "case_id, district, work_model, status, child_pseudonym, received_at, "
            + "next_due_kind, next_due_date, version, document";

    private static final String UPDATE = "UPDATE case_view SET district = :district, work_model = :workModel, "
            + "status = :status, child_pseudonym = :child, next_due_kind = :dueKind, next_due_date = :dueDate, "
            + "version = :version, document = CAST(:document AS jsonb)";

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;

    CaseViewRepository(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** True when inserted, false when the case had a view already. */
    boolean insertIfAbsent(CaseView view) {
        return 1 == jdbc.update("INSERT INTO case_view (" + COLUMNS + ") VALUES (:caseId, :district, :workModel, :status, "
                + ":child, :receivedAt, :dueKind, :dueDate, :version, CAST(:document AS jsonb)) "
                + "ON CONFLICT (case_id) DO NOTHING", parameters(view));
    }

    void update(CaseView view) {
        jdbc.update(UPDATE + " WHERE case_id = :caseId", parameters(view));
    }

    /** Writes the view only over the version it was built on; false when the table holds another. */
    boolean update(CaseView view, long builtOn) {
        return 1 == jdbc.update(UPDATE + " WHERE case_id = :caseId AND version = :builtOn",
                parameters(view).addValue("builtOn", builtOn));
    }

    Optional<CaseView> find(String caseId) {
        return jdbc.query("SELECT child_pseudonym, document FROM case_view WHERE case_id = :caseId",
                new MapSqlParameterSource("caseId", caseId), mapper()).stream().findFirst();
    }

    Optional<String> districtOf(String caseId) {
        return jdbc.queryForList("SELECT district FROM case_view WHERE case_id = :caseId",
                new MapSqlParameterSource("caseId", caseId), String.class).stream().findFirst();
    }

    List<CaseView> query(String whereAndOrder, MapSqlParameterSource parameters) {
        return jdbc.query("SELECT child_pseudonym, document FROM case_view WHERE " + whereAndOrder, parameters, mapper());
    }

    long count(String where, MapSqlParameterSource parameters) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM case_view WHERE " + where, parameters, Long.class);
        return count == null ? 0 : count;
    }

    void deleteAll() {
        jdbc.getJdbcTemplate().update("DELETE FROM case_view");
    }

    private MapSqlParameterSource parameters(CaseView view) {
        Optional<Deadline> next = view.openDeadlines().stream().findFirst();
        return new MapSqlParameterSource()
                .addValue("caseId", view.caseId())
                .addValue("district", view.district())
                .addValue("workModel", view.workModel())
                .addValue("status", view.status().name())
                .addValue("child", view.childPseudonym())
                .addValue("receivedAt", Timestamp.from(view.receivedAt()))
                .addValue("dueKind", next.map(d -> d.kind().name()).orElse(null))
                .addValue("dueDate", next.map(d -> Date.valueOf(d.dueDate())).orElse(null))
                .addValue("version", view.version())
                .addValue("document", write(view));
    }

    private String write(CaseView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the view of case " + view.caseId(), e);
        }
    }

    private RowMapper<CaseView> mapper() {
        return (rs, row) -> {
            try {
                CaseView view = json.readValue(rs.getString("document"), CaseView.class);
                view.restoreChildPseudonym(rs.getString("child_pseudonym"));
                return view;
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Unreadable case view", e);
            }
        };
    }
}
