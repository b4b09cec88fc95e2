package se.tidigt.query.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.beans.factory.annotation.Value;
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
 * {@link #reference} computes the same fact by fact. Computed on every call: the gateway keeps the
 * answers it sends ({@link StatisticsCache#bytes}).
 */
@Service
public class CaseStatistics {
    /** The cells every protected count is summed from (docs/statistics.md, "Disclosure control"). */
    public static final String CELLS = "each published count is perturbed once, from the record keys of the records it counts, "
            + "so its noise does not grow with the months or districts it covers; the same records always get the same count";

    private final CaseFacts facts;
    private final CellKeyMethod cellKey;
    private final Clock clock;
    /** The facts and summaries of a position; {@link StatisticsCache#disabled()}: read afresh (plain-object tests). */
    private final StatisticsCache cache;
    /** False only to measure without them (tidigt.stats.summaries): every answer fact by fact. */
    private final boolean summaries;
    private final SummaryStatistics fromSummaries;
    private final FactByFactStatistics factByFact;

    CaseStatistics(CaseFacts facts, DistrictCrosswalk crosswalk, CellKeyMethod cellKey, Clock clock) {
        this(facts, crosswalk, cellKey, clock, StatisticsCache.disabled(), true);
    }

    @org.springframework.beans.factory.annotation.Autowired
    CaseStatistics(CaseFacts facts, DistrictCrosswalk crosswalk, CellKeyMethod cellKey, Clock clock, StatisticsCache cache,
                   @Value("${tidigt.stats.summaries:true}") boolean summaries) {
        this.facts = facts;
        this.cellKey = cellKey;
        this.clock = clock;
        this.cache = cache;
        this.summaries = summaries;
        this.fromSummaries = new SummaryStatistics(crosswalk, cellKey);
        this.factByFact = new FactByFactStatistics(crosswalk, cellKey);
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
        if (!summaries) {
            return factByFact.build(cache.facts(facts, state), facts.openAccess(), query, protect, today);
        }
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
     * The figures computed afresh from every case fact, fact by fact, bypassing the cache and the cell
     * summaries: the reference the served answers are compared with ({@code StatisticsCacheApiTest},
     * {@code CellSummariesTest}). {@code protect} as {@link #protectedRows}.
     */
    public List<ObjectNode> reference(StatsQuery query, boolean protect) {
        return factByFact.build(facts.all(), facts.openAccess(), protect ? query.wholeMonths() : query, protect,
                LocalDate.now(clock.withZone(Stats.ZONE)));
    }
}
