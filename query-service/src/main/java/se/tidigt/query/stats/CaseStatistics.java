package se.tidigt.query.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Service;
import se.tidigt.query.stats.protection.CellKeyMethod;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The figures of docs/statistics.md for any selection of cases, one row per group: exact for a
 * district reading itself, protected by the cell-key method for everyone else. Served from cell
 * summaries ({@link CellSummaries}, built once per projection position, O(cells) per query);
 * {@link #reference} computes the same from summaries built afresh. Computed on every call: the gateway keeps the
 * answers it sends ({@link StatisticsCache#bytes}).
 */
@Service
public class CaseStatistics {
    /** The cells every protected count is summed from (docs/statistics.md, "Disclosure control"). */
    public static final String CELLS = "each published count is rounded once, from its row's series: the records the row selects "
            + "over every month (a monthly row: the whole selection); the same records always get the same count";

    private final CaseFacts facts;
    private final CellKeyMethod cellKey;
    private final Clock clock;
    /** The facts and summaries of a position; {@link StatisticsCache#disabled()}: read afresh (plain-object tests). */
    private final StatisticsCache cache;
    private final SummaryStatistics fromSummaries;

    CaseStatistics(CaseFacts facts, DistrictCrosswalk crosswalk, CellKeyMethod cellKey, Clock clock) {
        this(facts, crosswalk, cellKey, clock, StatisticsCache.disabled());
    }

    @org.springframework.beans.factory.annotation.Autowired
    CaseStatistics(CaseFacts facts, DistrictCrosswalk crosswalk, CellKeyMethod cellKey, Clock clock, StatisticsCache cache) {
        this.facts = facts;
        this.cellKey = cellKey;
        this.clock = clock;
        this.cache = cache;
        this.fromSummaries = new SummaryStatistics(crosswalk, cellKey);
    }

    /** Exact figures: for a district user reading their own district. */
    public List<ObjectNode> rows(StatsQuery query) {
        return rows(query, null);
    }

    /** Exact figures from facts as of {@code state} or later (the state a cached answer is keyed by; null: now). */
    public List<ObjectNode> rows(StatsQuery query, StatisticsPosition.State state) {
        return build(query, false, state);
    }

    /** Protected figures: every published count perturbed once from its records, the period widened to whole months. */
    public List<ObjectNode> protectedRows(StatsQuery query) {
        return protectedRows(query, null);
    }

    /** Protected figures from facts as of {@code state} or later (the state a cached answer is keyed by; null: now). */
    public List<ObjectNode> protectedRows(StatsQuery query, StatisticsPosition.State state) {
        return build(query.wholeMonths(), true, state);
    }

    private List<ObjectNode> build(StatsQuery query, boolean protect, StatisticsPosition.State state) {
        LocalDate today = LocalDate.now(clock.withZone(Stats.ZONE));
        CellSummaries cells = cache.derived(facts, state, new StatisticsCache.Derivation<CellSummaries>() {
            @Override
            public CellSummaries whole(List<CaseFact> all) {
                return CellSummaries.of(all, cellKey.keys());
            }

            @Override
            public CellSummaries forward(CellSummaries before, List<CaseFact> all, Set<String> changedChildren) {
                return before.forward(all, changedChildren);
            }
        });
        return fromSummaries.build(cells, facts.openAccess(), query, protect, today);
    }

    /**
     * The figures computed afresh from every case fact, bypassing the cache and the summaries it keeps (built
     * anew in one pass): the reference the served answers are compared with ({@code StatisticsCacheApiTest}).
     * {@code CellSummariesTest} holds these to a fact-by-fact count. {@code protect} as {@link #protectedRows}.
     */
    public List<ObjectNode> reference(StatsQuery query, boolean protect) {
        return fromSummaries.build(CellSummaries.of(facts.all(), cellKey.keys()), facts.openAccess(),
                protect ? query.wholeMonths() : query, protect, LocalDate.now(clock.withZone(Stats.ZONE)));
    }
}
