package se.tidigt.query.stats;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fact rows one unit of work touches, held in memory while its events are applied and written
 * at its commit in a few batched statements: the projection's round trips go from several per event
 * to a handful per batch. Rows are loaded once per batch (all cases of the batch in one query per
 * table), so an event sees exactly the state the per-event SQL would have seen.
 */
final class FactBatch {
    static final String COLUMNS = "case_id, last_sequence, district, current_district, work_model, concerns, child_pseudonym, "
            + "birth_month, received_at, protection_assessed_at, initial_assessed_at, initial_decision, "
            + "investigation_opened_at, investigation_due, investigation_concluded_at, investigation_outcome, closed_at, workers";

    private static final String JOINED_COLUMNS = COLUMNS.replaceAll("(^|, )", "$1f.");

    /** One case_fact row. */
    static final class CaseRow {
        String caseId;
        long lastSequence;
        String district;
        String currentDistrict;
        String workModel;
        String concerns;
        String child;
        Date birthMonth;
        Timestamp receivedAt;
        Timestamp protectionAssessedAt;
        Timestamp initialAssessedAt;
        String initialDecision;
        Timestamp investigationOpenedAt;
        Date investigationDue;
        Timestamp investigationConcludedAt;
        String investigationOutcome;
        Timestamp closedAt;
        int workers;

        Object[] values() {
            return new Object[]{caseId, lastSequence, district, currentDistrict, workModel, concerns, child, birthMonth,
                    receivedAt, protectionAssessedAt, initialAssessedAt, initialDecision, investigationOpenedAt,
                    investigationDue, investigationConcludedAt, investigationOutcome, closedAt, workers};
        }
    }

    /** One offer_fact row. */
    static final class OfferRow {
        final String offerId;
        final Timestamp offeredAt;
        String answer;
        Timestamp answeredAt;
        Timestamp startedAt;
        Timestamp endedAt;

        OfferRow(String offerId, Timestamp offeredAt) {
            this.offerId = offerId;
            this.offeredAt = offeredAt;
        }
    }

    /** One placement_fact row. */
    static final class PlacementRow {
        final String placementId;
        final String kind;
        final boolean compulsory;
        final Timestamp startedAt;
        Timestamp endedAt;

        PlacementRow(String placementId, String kind, boolean compulsory, Timestamp startedAt) {
            this.placementId = placementId;
            this.kind = kind;
            this.compulsory = compulsory;
            this.startedAt = startedAt;
        }
    }

    /** A case as loaded: its row (null if absent), offers, placements, workers and collaborations, and what changed. */
    static final class Case {
        CaseRow row;
        final Map<String, OfferRow> offers = new LinkedHashMap<>();
        final Map<String, PlacementRow> placements = new LinkedHashMap<>();
        final Set<String> workers = new LinkedHashSet<>();
        final Map<String, Integer> collaborations = new LinkedHashMap<>();
        boolean rowChanged;
        final Set<String> offersChanged = new LinkedHashSet<>();
        final Set<String> placementsChanged = new LinkedHashSet<>();
        final Set<String> workersAdded = new LinkedHashSet<>();
        final Set<String> collaborationsChanged = new LinkedHashSet<>();
    }

    private final JdbcTemplate jdbc;
    private final Map<String, Case> cases = new HashMap<>();
    private final List<Object[]> openAccess = new ArrayList<>();

    FactBatch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Loads the cases not loaded yet, all in one query per table. */
    void load(Collection<String> caseIds) {
        List<String> missing = new ArrayList<>();
        for (String id : caseIds) {
            if (!cases.containsKey(id)) {
                cases.put(id, new Case());
                missing.add(id);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String[] ids = missing.toArray(String[]::new);
        // unnest joined by index: planned in a fraction of a millisecond whatever the array's length, where
        // "= ANY(array)" is planned element by element (measured 8 ms for 800 ids, and more under load).
        jdbc.query("SELECT " + JOINED_COLUMNS + " FROM unnest(?::varchar[]) AS id(case_id) "
                + "JOIN case_fact f ON f.case_id = id.case_id", rs -> {
            CaseRow r = new CaseRow();
            r.caseId = rs.getString(1);
            r.lastSequence = rs.getLong(2);
            r.district = rs.getString(3);
            r.currentDistrict = rs.getString(4);
            r.workModel = rs.getString(5);
            r.concerns = rs.getString(6);
            r.child = rs.getString(7);
            r.birthMonth = rs.getDate(8);
            r.receivedAt = rs.getTimestamp(9);
            r.protectionAssessedAt = rs.getTimestamp(10);
            r.initialAssessedAt = rs.getTimestamp(11);
            r.initialDecision = rs.getString(12);
            r.investigationOpenedAt = rs.getTimestamp(13);
            r.investigationDue = rs.getDate(14);
            r.investigationConcludedAt = rs.getTimestamp(15);
            r.investigationOutcome = rs.getString(16);
            r.closedAt = rs.getTimestamp(17);
            r.workers = rs.getInt(18);
            cases.get(r.caseId).row = r;
        }, (Object) ids);
        jdbc.query("SELECT f.case_id, offer_id, offered_at, answer, answered_at, started_at, ended_at "
                + "FROM unnest(?::varchar[]) AS id(case_id) JOIN offer_fact f ON f.case_id = id.case_id", rs -> {
            OfferRow o = new OfferRow(rs.getString(2), rs.getTimestamp(3));
            o.answer = rs.getString(4);
            o.answeredAt = rs.getTimestamp(5);
            o.startedAt = rs.getTimestamp(6);
            o.endedAt = rs.getTimestamp(7);
            cases.get(rs.getString(1)).offers.put(o.offerId, o);
        }, (Object) ids);
        jdbc.query("SELECT f.case_id, placement_id, kind, compulsory, started_at, ended_at "
                + "FROM unnest(?::varchar[]) AS id(case_id) JOIN placement_fact f ON f.case_id = id.case_id", rs -> {
            PlacementRow p = new PlacementRow(rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getTimestamp(5));
            p.endedAt = rs.getTimestamp(6);
            cases.get(rs.getString(1)).placements.put(p.placementId, p);
        }, (Object) ids);
        jdbc.query("SELECT f.case_id, worker_id FROM unnest(?::varchar[]) AS id(case_id) "
                + "JOIN case_worker_fact f ON f.case_id = id.case_id",
                rs -> { cases.get(rs.getString(1)).workers.add(rs.getString(2)); }, (Object) ids);
        jdbc.query("SELECT f.case_id, partner, count FROM unnest(?::varchar[]) AS id(case_id) "
                + "JOIN collaboration_fact f ON f.case_id = id.case_id",
                rs -> { cases.get(rs.getString(1)).collaborations.put(rs.getString(2), rs.getInt(3)); }, (Object) ids);
    }

    /** The case, loaded now if the batch's load did not hold it (every event asks: no query, no stream when it did). */
    Case of(String caseId) {
        Case loaded = cases.get(caseId);
        if (loaded != null) {
            return loaded;
        }
        load(List.of(caseId));
        return cases.get(caseId);
    }

    void openAccess(Object... row) {
        openAccess.add(row);
    }

    /**
     * One statement for all rows of a table: the rows go as one array a column ({@code unnest}), so
     * PostgreSQL plans and runs one insert instead of one per row (several times faster than a JDBC
     * batch of single-row upserts, whatever the driver's settings). Each case appears once a batch,
     * so no row is upserted twice by one statement.
     */
    private void upsert(String sql, List<Object[]> rows, int columns) {
        jdbc.execute((java.sql.Connection connection) -> {
            try (java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int column = 0; column < columns; column++) {
                    String[] values = new String[rows.size()];
                    for (int row = 0; row < values.length; row++) {
                        values[row] = text(rows.get(row)[column]);
                    }
                    statement.setArray(column + 1, connection.createArrayOf("text", values));
                }
                return statement.executeUpdate();
            }
        });
    }

    /** A value as PostgreSQL reads it back in the statement's cast: instants with their offset (UTC), never local time. */
    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Timestamp t ? t.toInstant().toString() : value.toString();
    }

    /**
     * Writes what changed, in one statement per table; false if nothing did. Every case with a change
     * (its row, an offer, a worker or a collaboration) is written with {@code stamp}, taken once and only
     * when something is written: the statistics position of this write (V245).
     */
    boolean flush(java.util.function.LongSupplier stamp) {
        List<Case> changedCases = new ArrayList<>();
        List<Object[]> offers = new ArrayList<>();
        List<Object[]> placements = new ArrayList<>();
        List<Object[]> workers = new ArrayList<>();
        List<Object[]> collaborations = new ArrayList<>();
        for (Case c : cases.values()) {
            if (c.row != null && (c.rowChanged || !c.offersChanged.isEmpty() || !c.placementsChanged.isEmpty() || !c.workersAdded.isEmpty()
                    || !c.collaborationsChanged.isEmpty())) {
                changedCases.add(c);
            }
            String id = c.row == null ? null : c.row.caseId;
            c.offersChanged.forEach(offerId -> {
                OfferRow o = c.offers.get(offerId);
                offers.add(new Object[]{id, o.offerId, o.offeredAt, o.answer, o.answeredAt, o.startedAt, o.endedAt});
            });
            c.placementsChanged.forEach(placementId -> {
                PlacementRow p = c.placements.get(placementId);
                placements.add(new Object[]{id, p.placementId, p.kind, p.compulsory, p.startedAt, p.endedAt});
            });
            c.workersAdded.forEach(worker -> workers.add(new Object[]{id, worker}));
            c.collaborationsChanged.forEach(partner -> collaborations.add(new Object[]{id, partner, c.collaborations.get(partner)}));
        }
        if (changedCases.isEmpty() && offers.isEmpty() && placements.isEmpty() && workers.isEmpty() && collaborations.isEmpty() && openAccess.isEmpty()) {
            return false;
        }
        long position = stamp.getAsLong();
        List<Object[]> rows = new ArrayList<>(changedCases.size());
        for (Case c : changedCases) {
            Object[] values = java.util.Arrays.copyOf(c.row.values(), 19);
            values[18] = position;
            rows.add(values);
        }
        if (!rows.isEmpty()) {
            upsert("INSERT INTO case_fact (" + COLUMNS + ", changed_at_position) SELECT * FROM unnest(?::varchar[], ?::bigint[], ?::varchar[], "
                    + "?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::date[], ?::timestamptz[], ?::timestamptz[], "
                    + "?::timestamptz[], ?::varchar[], ?::timestamptz[], ?::date[], ?::timestamptz[], ?::varchar[], "
                    + "?::timestamptz[], ?::int[], ?::bigint[]) ON CONFLICT (case_id) DO UPDATE SET last_sequence = excluded.last_sequence, "
                    + "current_district = excluded.current_district, child_pseudonym = excluded.child_pseudonym, "
                    + "protection_assessed_at = excluded.protection_assessed_at, initial_assessed_at = excluded.initial_assessed_at, "
                    + "initial_decision = excluded.initial_decision, investigation_opened_at = excluded.investigation_opened_at, "
                    + "investigation_due = excluded.investigation_due, "
                    + "investigation_concluded_at = excluded.investigation_concluded_at, "
                    + "investigation_outcome = excluded.investigation_outcome, closed_at = excluded.closed_at, "
                    + "workers = excluded.workers, changed_at_position = excluded.changed_at_position", rows, 19);
        }
        if (!offers.isEmpty()) {
            upsert("INSERT INTO offer_fact (case_id, offer_id, offered_at, answer, answered_at, started_at, ended_at) "
                    + "SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::timestamptz[], ?::varchar[], ?::timestamptz[], "
                    + "?::timestamptz[], ?::timestamptz[]) ON CONFLICT (case_id, offer_id) DO UPDATE SET answer = excluded.answer, "
                    + "answered_at = excluded.answered_at, started_at = excluded.started_at, ended_at = excluded.ended_at", offers, 7);
        }
        if (!placements.isEmpty()) {
            upsert("INSERT INTO placement_fact (case_id, placement_id, kind, compulsory, started_at, ended_at) "
                    + "SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::boolean[], ?::timestamptz[], "
                    + "?::timestamptz[]) ON CONFLICT (case_id, placement_id) DO UPDATE SET ended_at = excluded.ended_at",
                    placements, 6);
        }
        if (!workers.isEmpty()) {
            upsert("INSERT INTO case_worker_fact (case_id, worker_id) SELECT * FROM unnest(?::varchar[], ?::varchar[]) "
                    + "ON CONFLICT DO NOTHING", workers, 2);
        }
        if (!collaborations.isEmpty()) {
            upsert("INSERT INTO collaboration_fact (case_id, partner, count) SELECT * FROM unnest(?::varchar[], ?::varchar[], "
                    + "?::int[]) ON CONFLICT (case_id, partner) DO UPDATE SET count = excluded.count", collaborations, 3);
        }
        if (!openAccess.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO open_access_fact (tally_id, sequence, district, month, kind, count) "
                    + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", openAccess);
        }
        return true;
    }
}
