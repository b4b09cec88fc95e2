package se.tidigt.gateway.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.tidigt.audit.accesslog.LoggedRead;
import se.tidigt.platform.problem.ApiProblem;
import se.tidigt.platform.actor.Actor;
import se.tidigt.platform.actor.CurrentActor;
import se.tidigt.gateway.security.DistrictScope;
import se.tidigt.query.stats.DecisionStatistics;
import se.tidigt.query.stats.protection.CellKeyMethod;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

/**
 * Decisions under delegation in figures: a district user reads their own district exactly, everyone else every
 * district protected as every count is (docs/statistics.md), the period widened to whole months by its nature.
 */
@RestController
@RequestMapping(path = "/api/v1/stats", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Statistics")
@LoggedRead(caseLevel = false)
class DecisionStatsController {
    private static final String CELLS = "each published count is rounded once, from its row's series: the district's and "
            + "work model's proposals (or approvals, or rejections) of every period; the same records always get the same count";

    private final DecisionStatistics statistics;
    private final CellKeyMethod cellKey;
    private final DistrictScope scope;

    DecisionStatsController(DecisionStatistics statistics, CellKeyMethod cellKey, DistrictScope scope) {
        this.statistics = statistics;
        this.cellKey = cellKey;
        this.scope = scope;
    }

    /** {@code protection} is null for a district reading itself exactly. */
    record DecisionFigures(boolean exact, ObjectNode protection, List<DecisionStatistics.Row> rows) {
    }

    @Operation(summary = "Proposals, approvals, rejections and days to decision per district, work model and period "
            + "(period=month, quarter or year; from/to as YYYY-MM); a district user reads their own district exactly")
    @GetMapping("/decisions")
    DecisionFigures decisions(@RequestParam(required = false) String district,
                              @RequestParam(required = false) String workModel,
                              @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                              @RequestParam(defaultValue = "month") String period) {
        Actor actor = CurrentActor.get();
        boolean own = actor.role().isDistrictBound();
        if (district != null && !scope.isKnown(district)) {
            throw ApiProblem.notFound("District " + district);
        }
        if (own && district != null && !scope.isOwn(actor, district)) {
            throw ApiProblem.forbidden("A district user sees only their own district's statistics.");
        }
        LocalDate fromDay = StatsParameters.from(from);
        LocalDate toDay = StatsParameters.to(to);
        StatsParameters.requireOrdered(fromDay, toDay);
        DecisionStatistics.Query query = new DecisionStatistics.Query(own ? actor.district() : district, workModel,
                fromDay == null ? null : YearMonth.from(fromDay), toDay == null ? null : YearMonth.from(toDay), period(period));
        ObjectNode protection = own ? null : cellKey.describe(CELLS, fromDay == null ? null : fromDay.withDayOfMonth(1),
                toDay == null ? null : YearMonth.from(toDay).atEndOfMonth(), true);
        return new DecisionFigures(own, protection, statistics.rows(query, !own));
    }

    private static DecisionStatistics.Period period(String value) {
        try {
            return DecisionStatistics.Period.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("period", "must be month, quarter or year");
        }
    }
}
