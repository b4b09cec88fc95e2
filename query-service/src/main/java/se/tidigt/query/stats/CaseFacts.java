package se.tidigt.query.stats;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the fact tables. Statistics need every case of a child (re-referral, years to first
 * intervention), so the whole table is read and filtered in memory. Simple and exact; linear in the
 * number of cases (BENCHMARKS.md: ~0.3 s for 20,000 cases, ~2 s for 100,000). Once held, the facts
 * are brought forward by reading only the cases changed since ({@link #changedSince}, {@link StatisticsCache}).
 */
@Repository
public class CaseFacts {
    private final JdbcTemplate jdbc;
    /*
     * One instance of each value a case fact shares with thousands of others (a district, a work model, a
     * decision, a partner; a birth month; a set of concerns): the driver reads a new object for every row, and
     * at a city's ten years (hundreds of thousands of facts held in memory) the copies alone would be tens of
     * megabytes. The values are few (codes and months), so they are kept for the application's life.
     */
    private final Map<String, String> codes = new ConcurrentHashMap<>();
    private final Map<YearMonth, YearMonth> months = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> concernSets = new ConcurrentHashMap<>();

    CaseFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The order of {@link #all()}: by the day the concern came in, then by case id as code points (the
     * SQL sorts with {@code COLLATE "C"}, the same order for the ids this platform makes). Neither
     * changes once a case is written, so a case's place in the list never moves.
     */
    public static final java.util.Comparator<CaseFact> ORDER =
            java.util.Comparator.comparing(CaseFact::receivedAt).thenComparing(CaseFact::caseId);

    public List<CaseFact> all() {
        return read("", "");
    }

    /**
     * The cases written after {@code position} (stamped later, V245) with their offers and collaborations,
     * in {@link #ORDER}. Read in the snapshot that read the position, it is exactly what changed since.
     */
    public List<CaseFact> changedSince(long position) {
        return read(" WHERE f.changed_at_position > ?", " JOIN case_fact f ON f.case_id = x.case_id WHERE f.changed_at_position > ?",
                position);
    }

    /** How many cases there are: a check on facts brought forward by delta. */
    public long count() {
        Long rows = jdbc.queryForObject("SELECT count(*) FROM case_fact", Long.class);
        return rows == null ? 0 : rows;
    }

    private List<CaseFact> read(String caseWhere, String childJoin, Object... args) {
        Map<String, List<CaseFact.OfferFact>> offers = new HashMap<>();
        jdbc.query("SELECT x.case_id, x.offer_id, x.offered_at, x.answer, x.answered_at, x.started_at, x.ended_at "
                + "FROM offer_fact x" + childJoin + " ORDER BY x.offered_at, x.offer_id", rs -> {
            offers.computeIfAbsent(rs.getString(1), k -> new ArrayList<>(2)).add(new CaseFact.OfferFact(rs.getString(2),
                    instant(rs, 3), shared(rs.getString(4)), instant(rs, 5), instant(rs, 6), instant(rs, 7)));
        }, args);
        Map<String, List<CaseFact.PlacementFact>> placements = new HashMap<>();
        jdbc.query("SELECT x.case_id, x.placement_id, x.kind, x.compulsory, x.started_at, x.ended_at "
                + "FROM placement_fact x" + childJoin + " ORDER BY x.started_at, x.placement_id", rs -> {
            placements.computeIfAbsent(rs.getString(1), k -> new ArrayList<>(1)).add(new CaseFact.PlacementFact(rs.getString(2),
                    shared(rs.getString(3)), rs.getBoolean(4), instant(rs, 5), instant(rs, 6)));
        }, args);
        Map<String, Map<String, Integer>> collaborations = new HashMap<>();
        jdbc.query("SELECT x.case_id, x.partner, x.count FROM collaboration_fact x" + childJoin, rs -> {
            collaborations.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(shared(rs.getString(2)), rs.getInt(3));
        }, args);
        return jdbc.query("SELECT * FROM case_fact f" + caseWhere + " ORDER BY f.received_at, f.case_id COLLATE \"C\"",
                (rs, row) -> new CaseFact(
                rs.getString("case_id"), shared(rs.getString("district")), shared(rs.getString("current_district")),
                shared(rs.getString("work_model")), concerns(rs.getString("concerns")), rs.getString("child_pseudonym"),
                birthMonth(rs.getObject("birth_month", java.time.LocalDate.class)), instant(rs, "received_at"),
                instant(rs, "protection_assessed_at"), instant(rs, "initial_assessed_at"), shared(rs.getString("initial_decision")),
                instant(rs, "investigation_opened_at"), rs.getObject("investigation_due", java.time.LocalDate.class),
                instant(rs, "investigation_concluded_at"), shared(rs.getString("investigation_outcome")), instant(rs, "closed_at"),
                rs.getInt("workers"), offers.getOrDefault(rs.getString("case_id"), List.of()),
                Map.copyOf(collaborations.getOrDefault(rs.getString("case_id"), Map.of())),
                placements.getOrDefault(rs.getString("case_id"), List.of())), args);
    }

    private String shared(String code) {
        return code == null ? null : codes.computeIfAbsent(code, c -> c);
    }

    /** The concerns as the set they make, one set for every case with the same concerns. */
    private Set<String> concerns(String concerns) {
        return concernSets.computeIfAbsent(concerns,
                c -> Set.of(java.util.Arrays.stream(c.split(",")).map(this::shared).toArray(String[]::new)));
    }

    private YearMonth birthMonth(java.time.LocalDate month) {
        YearMonth value = YearMonth.from(month);
        return months.computeIfAbsent(value, m -> m);
    }

    /** Open-access support counts: district, month, kind → count. */
    List<OpenAccessCount> openAccess() {
        return jdbc.query("SELECT district, month, kind, sum(count) FROM open_access_fact GROUP BY district, month, kind",
                (rs, row) -> new OpenAccessCount(rs.getString(1), YearMonth.from(rs.getDate(2).toLocalDate()),
                        rs.getString(3), rs.getLong(4)));
    }

    record OpenAccessCount(String district, YearMonth month, String kind, long count) {
    }

    /*
     * Read as an OffsetDateTime, not a Timestamp: the driver builds a Timestamp through a Calendar, which was
     * nearly half of reading the facts at a start over ten years of a city (286,597 cases). The same instant.
     */
    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
