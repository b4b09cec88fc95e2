package se.tidigt.gateway.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.tidigt.audit.accesslog.LoggedRead;
import se.tidigt.gateway.limits.Bounds;
import se.tidigt.gateway.limits.ExpensiveRequests;
import se.tidigt.platform.problem.ApiProblem;
import se.tidigt.platform.actor.Actor;
import se.tidigt.platform.actor.CurrentActor;
import se.tidigt.platform.actor.Role;
import se.tidigt.platform.actor.Roles;
import se.tidigt.query.stats.CaseStatistics;
import se.tidigt.query.stats.PreparedAnswers;
import se.tidigt.query.stats.StatisticsCache;
import se.tidigt.query.stats.StatisticsPosition;
import se.tidigt.query.stats.Stats;
import se.tidigt.query.stats.StatsQuery;
import se.tidigt.query.stats.effect.EffectMetric;
import se.tidigt.query.stats.effect.EffectQuery;
import se.tidigt.query.stats.effect.RolloutEffects;
import se.tidigt.query.stats.protection.CellKeyMethod;
import se.tidigt.rollout.api.DistrictCatalogue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The statistics for dashboards and districts. A district user sees their own district exactly and
 * nothing of others'; everyone else gets counts protected by the cell-key method, with a {@code
 * protection} object in the answer. Every answer is also CSV ({@code Accept: text/csv}) under the same rules.
 *
 * <p>Each answer is kept as the bytes sent ({@link StatisticsCache#bytes}; the only answer cache) and prepared
 * again in the background when the facts move ({@link PreparedAnswers}: meanwhile a query read lately is given
 * its answer of the earlier position, which the {@value #POSITION} header names), keyed by
 * everything it depends on: the endpoint and its parsed query, whether the reader reads exactly, the format,
 * today, and the statistics state read once per request, which a cold answer is then computed from (facts
 * as of that state or later, never older). JSON and CSV of one query are rendered from one computation. Access checks and
 * validation run before every lookup, and the access log records the answer as before (its advice sees
 * every body written, bytes too).
 */
@RestController
@RequestMapping(path = "/api/v1/stats", produces = {MediaType.APPLICATION_JSON_VALUE, StatsCsv.TEXT_CSV})
@Tag(name = "Statistics", description = "Per district, work model and month; the rollout effect")
@LoggedRead(caseLevel = false)
class StatsController {
    static final String OWN_DISTRICT = "a district user reads their own district exactly";
    /** The response header naming the position of the facts an answer was computed from (docs/statistics.md, "Reading"). */
    static final String POSITION = "Statistics-Position";

    private final CaseStatistics statistics;
    private final RolloutEffects effects;
    private final DistrictCatalogue districts;
    private final CellKeyMethod cellKey;
    private final StatisticsCache cache;
    private final PreparedAnswers prepared;
    private final ObjectMapper json;
    private final Clock clock;
    private final ExpensiveRequests expensive;

    StatsController(ExpensiveRequests expensive, CaseStatistics statistics, RolloutEffects effects, DistrictCatalogue districts, CellKeyMethod cellKey,
                    StatisticsCache cache, PreparedAnswers prepared, ObjectMapper json, Clock clock) {
        this.expensive = expensive;
        this.prepared = prepared;
        this.cellKey = cellKey;
        this.cache = cache;
        this.json = json;
        this.clock = clock;
        this.statistics = statistics;
        this.effects = effects;
        this.districts = districts;
    }

    @Operation(summary = "One district's figures: funnel, rates with Wilson intervals, lead times, ages, re-referral, "
            + "deadline breaches, workers, collaboration, open-access support; from/to as YYYY-MM or YYYY-MM-DD; "
            + "concern= one kind or several, comma-separated")
    @GetMapping("/districts/{district}")
    ResponseEntity<?> district(@PathVariable String district, @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to, @RequestParam(required = false) String workModel,
                               @RequestParam(required = false) String concern,
                               @RequestHeader(value = "Accept", required = false) String accept) {
        Actor actor = CurrentActor.get();
        boolean own = actor.role().isDistrictBound();
        if (own && districts.find(district).isPresent() && !districts.currentSuccessorOf(district).equals(actor.district())) {
            throw ApiProblem.forbidden("A district user sees only their own district's statistics.");
        }
        if (!own) {
            Roles.require(Role.CITY_ANALYST, Role.PLATFORM_ADMIN, Role.AUDITOR);
        }
        if (districts.find(district).isEmpty()) {
            throw ApiProblem.notFound("District " + district);
        }
        boolean historical = !districts.currentSuccessorOf(district).equals(district);
        StatsQuery query = query(from, to, Set.of(district), workModel, concern, historical, StatsQuery.Grouping.DISTRICT);
        return respond(new Asked("district", query, own), state -> {
            List<ObjectNode> rows = own ? exact(query, state) : statistics.protectedRows(query, state);
            ObjectNode row = rows.isEmpty() ? emptyRow(district, own, query) : rows.get(0);
            return List.of(row);
        }, false, accept, null);
    }

    @Operation(summary = "The same figures as rows, one per district, work model or month (history mapped onto today's "
            + "districts unless districts=historical); each row carries its protection")
    @GetMapping("/city")
    ResponseEntity<?> city(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                           @RequestParam(defaultValue = "district") String groupBy,
                           @RequestParam(defaultValue = "current") String districts,
                           @RequestParam(required = false) String workModel, @RequestParam(required = false) String concern,
                           @RequestHeader(value = "Accept", required = false) String accept) {
        Actor actor = CurrentActor.get();
        if (!actor.role().isDistrictBound()) {
            Roles.require(Role.CITY_ANALYST, Role.PLATFORM_ADMIN, Role.AUDITOR);
        }
        if (!"current".equals(districts) && !"historical".equals(districts)) {
            throw ApiProblem.invalid("districts", "must be current or historical");
        }
        StatsQuery query = query(from, to, null, workModel, concern, "historical".equals(districts), grouping(groupBy));
        StatsQuery asked = actor.role().isDistrictBound() ? query.onlyDistrict(actor.district()) : query;
        boolean own = actor.role().isDistrictBound();
        return respond(new Asked("city", asked, own),
                state -> own ? exact(asked, state) : statistics.protectedRows(asked, state), true, accept, null);
    }

    @Operation(summary = "The rollout effect from exact records under output rules: group-time effects against "
            + "not-yet- and never-treated districts, the aggregate with its randomisation-inference interval, effects per "
            + "cohort and district, event study, pre-trend and anticipation tests, sensitivity, later spells, warnings; "
            + "anticipation= months before adoption left out of the base (0 to 12)")
    @GetMapping("/rollout-effect")
    ResponseEntity<?> rolloutEffect(@RequestParam(defaultValue = "VALLINGBY_TEAM") String workModel,
                                    @RequestParam(defaultValue = "acceptanceRate") String metric,
                                    @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                    @RequestParam(required = false) String concern,
                                    @RequestParam(defaultValue = "0") String anticipation,
                                    @RequestParam(defaultValue = "2026") long seed,
                                    @RequestParam(defaultValue = "999") int replicates,
                                    @RequestHeader(value = "Accept", required = false) String accept) {
        Actor actor = Roles.require(Role.CITY_ANALYST, Role.PLATFORM_ADMIN, Role.AUDITOR);
        if (replicates < Bounds.MIN_REPLICATES || replicates > Bounds.MAX_REPLICATES) {
            throw ApiProblem.invalid("replicates", "must be between " + Bounds.MIN_REPLICATES + " and " + Bounds.MAX_REPLICATES);
        }
        EffectMetric chosen;
        try {
            chosen = EffectMetric.fromApiName(metric);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("metric", "must be one of " + EffectMetric.apiNames());
        }
        int monthsBefore = StatsParameters.anticipation(anticipation);
        LocalDate fromDay = StatsParameters.from(from);
        LocalDate toDay = StatsParameters.to(to);
        StatsParameters.requireOrdered(fromDay, toDay);
        EffectQuery query = new EffectQuery(workModel, chosen, StatsParameters.concerns(concern), fromDay, toDay, monthsBefore,
                seed, replicates);
        return respond(new Asked("rollout-effect", query, false), state -> List.of(effects.estimate(query, state)), false,
                accept, actor.userId());
    }

    /**
     * What an answer's bytes depend on besides the statistics state and the day: the endpoint, its parsed
     * query and whether it is read exactly (a district reading itself); both formats are kept under it.
     */
    private record Asked(String endpoint, Object query, boolean exact) {
    }

    private record Keyed(Asked asked, LocalDate today) {
    }

    /**
     * The answer's bytes, kept per state and prepared when the facts move ({@link PreparedAnswers}): {@code rows}
     * computes the rows from the facts as of the state the bytes are keyed by, rendered as JSON (one array when
     * {@code array}, else its one object) and as CSV at once; the one asked for ({@code Accept}) is sent, with
     * the position of the facts it was computed from ({@value #POSITION}). A computation on a request of
     * {@code expensiveFor} (a user) runs within the bounds of {@link ExpensiveRequests}; the preparer's does not.
     */
    private ResponseEntity<byte[]> respond(Asked asked, Function<StatisticsPosition.State, List<ObjectNode>> rows,
                                           boolean array, String accept, String expensiveFor) {
        Function<StatisticsPosition.State, StatisticsCache.Rendered> render = state -> render(rows.apply(state), array);
        Function<StatisticsPosition.State, StatisticsCache.Rendered> onRequest = expensiveFor == null ? render
                : state -> expensive.run(expensiveFor, () -> render.apply(state));
        PreparedAnswers.Served served = prepared.answer(new Keyed(asked, LocalDate.now(clock.withZone(Stats.ZONE))),
                cache.state(), onRequest, render);
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().header(POSITION, Long.toString(served.state().position()));
        return StatsCsv.asked(accept)
                ? ok.contentType(StatsCsv.CSV_UTF8).body(served.answer().csv())
                : ok.contentType(MediaType.APPLICATION_JSON).body(served.answer().json());
    }

    private StatisticsCache.Rendered render(List<ObjectNode> rows, boolean array) {
        try {
            return new StatisticsCache.Rendered(json.writeValueAsBytes(array ? rows : rows.get(0)),
                    StatsCsv.csv(rows).getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StatsQuery query(String from, String to, Set<String> districts, String workModel, String concern,
                                    boolean historical, StatsQuery.Grouping grouping) {
        LocalDate fromDay = StatsParameters.from(from);
        LocalDate toDay = StatsParameters.to(to);
        StatsParameters.requireOrdered(fromDay, toDay);
        return new StatsQuery(fromDay, toDay, districts, workModel, StatsParameters.concerns(concern), historical, grouping);
    }

    private List<ObjectNode> exact(StatsQuery query, StatisticsPosition.State state) {
        List<ObjectNode> rows = statistics.rows(query, state);
        rows.forEach(row -> row.set("protection", CellKeyMethod.none(OWN_DISTRICT)));
        return rows;
    }

    private ObjectNode emptyRow(String district, boolean own, StatsQuery query) {
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        row.putObject("group").put("district", district);
        row.putObject("funnel").put("concerns", 0);
        StatsQuery widened = query.wholeMonths();
        row.set("protection", own ? CellKeyMethod.none(OWN_DISTRICT)
                : cellKey.describePublished(CaseStatistics.CELLS, widened.from(), widened.to()));
        return row;
    }

    private static StatsQuery.Grouping grouping(String groupBy) {
        return switch (groupBy) {
            case "district" -> StatsQuery.Grouping.DISTRICT;
            case "workModel" -> StatsQuery.Grouping.WORK_MODEL;
            case "month" -> StatsQuery.Grouping.MONTH;
            default -> throw ApiProblem.invalid("groupBy", "must be district, workModel or month");
        };
    }
}
