package se.tidigt.gateway.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.tidigt.gateway.audit.accesslog.LoggedRead;
import se.tidigt.gateway.problem.ApiProblem;
import se.tidigt.gateway.security.Actor;
import se.tidigt.gateway.security.CurrentActor;
import se.tidigt.gateway.security.Role;
import se.tidigt.gateway.security.Roles;
import se.tidigt.query.stats.CaseStatistics;
import se.tidigt.query.stats.StatsQuery;
import se.tidigt.query.stats.Suppression;
import se.tidigt.query.stats.effect.EffectMetric;
import se.tidigt.query.stats.effect.RolloutEffects;
import se.tidigt.rollout.api.DistrictCatalogue;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;

/**
 * The statistics for dashboards and districts. City-level readers get small counts withheld;
 * a district user sees their own district unsuppressed and nothing of others'. Every answer is
 * also CSV ({@code Accept: text/csv}) under the same rules.
 */
@RestController
@RequestMapping(path = "/api/v1/stats", produces = {MediaType.APPLICATION_JSON_VALUE, StatsCsv.TEXT_CSV})
@Tag(name = "Statistics", description = "Per district, work model and month; the rollout effect")
@LoggedRead(caseLevel = false)
class StatsController {
    private final CaseStatistics statistics;
    private final RolloutEffects effects;
    private final DistrictCatalogue districts;
    private final Suppression suppression;

    StatsController(CaseStatistics statistics, RolloutEffects effects, DistrictCatalogue districts,
                    @Value("${tidigt.stats.suppression-threshold}") int threshold) {
        this.statistics = statistics;
        this.effects = effects;
        this.districts = districts;
        this.suppression = new Suppression(threshold);
    }

    @Operation(summary = "One district's figures: funnel, acceptance rate with interval, lead times, ages, re-referral, "
            + "deadline breaches, workers, collaboration, open-access support")
    @GetMapping("/districts/{district}")
    ResponseEntity<?> district(@PathVariable String district, @RequestParam(required = false) YearMonth from,
                               @RequestParam(required = false) YearMonth to, @RequestParam(required = false) String workModel,
                               @RequestParam(required = false) String concern,
                               @RequestHeader(value = "Accept", required = false) String accept) {
        if (districts.find(district).isEmpty()) {
            throw ApiProblem.notFound("District " + district);
        }
        boolean historical = !districts.currentSuccessorOf(district).equals(district);
        StatsQuery query = new StatsQuery(from, to, Set.of(district), workModel, concern, historical,
                StatsQuery.Grouping.DISTRICT);
        List<ObjectNode> rows = disclose(query, district);
        ObjectNode row = rows.isEmpty() ? emptyRow(district) : rows.get(0);
        return StatsCsv.respond(accept, row, List.of(row));
    }

    @Operation(summary = "The same figures as rows, one per district, work model or month (history mapped onto today's "
            + "districts unless districts=historical); suppressed cells are null, with suppressed: true")
    @GetMapping("/city")
    ResponseEntity<?> city(@RequestParam(required = false) YearMonth from, @RequestParam(required = false) YearMonth to,
                           @RequestParam(defaultValue = "district") String groupBy,
                           @RequestParam(defaultValue = "current") String districts,
                           @RequestParam(required = false) String workModel, @RequestParam(required = false) String concern,
                           @RequestHeader(value = "Accept", required = false) String accept) {
        StatsQuery query = new StatsQuery(from, to, null, workModel, concern, "historical".equals(districts),
                grouping(groupBy));
        if (!"current".equals(districts) && !"historical".equals(districts)) {
            throw ApiProblem.invalid("districts", "must be current or historical");
        }
        List<ObjectNode> rows = disclose(query, null);
        return StatsCsv.respond(accept, rows, rows);
    }

    @Operation(summary = "Per district before and after adoption; group-time effects against not-yet-adopters, their "
            + "aggregate with a bootstrap interval, and the effect by months since adoption")
    @GetMapping("/rollout-effect")
    ResponseEntity<?> rolloutEffect(@RequestParam(defaultValue = "VALLINGBY_TEAM") String workModel,
                                    @RequestParam(defaultValue = "acceptanceRate") String metric,
                                    @RequestParam(defaultValue = "2026") long seed,
                                    @RequestParam(defaultValue = "999") int replicates,
                                    @RequestHeader(value = "Accept", required = false) String accept) {
        Roles.require(Role.CITY_ANALYST, Role.PLATFORM_ADMIN, Role.AUDITOR);
        if (replicates < 99 || replicates > 9_999) {
            throw ApiProblem.invalid("replicates", "must be between 99 and 9999");
        }
        EffectMetric chosen;
        try {
            chosen = EffectMetric.fromApiName(metric);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("metric", "must be acceptanceRate, leadTimeToIntervention or shareBeforeAge10");
        }
        ObjectNode estimate = effects.estimate(workModel, chosen, seed, replicates);
        // The per-district figures count cases; the estimate's own numbers (districts, months, seed) do not.
        com.fasterxml.jackson.databind.node.ArrayNode perDistrict = estimate.withArray("districts");
        for (int i = 0; i < perDistrict.size(); i++) {
            perDistrict.set(i, suppression.apply((ObjectNode) perDistrict.get(i)));
        }
        return StatsCsv.respond(accept, estimate, List.of(estimate));
    }

    /** District users: their own district only, unsuppressed. Everyone else: suppressed. */
    private List<ObjectNode> disclose(StatsQuery query, String district) {
        Actor actor = CurrentActor.get();
        if (actor.role().isDistrictBound()) {
            if (district != null && !districts.currentSuccessorOf(district).equals(actor.district())) {
                throw ApiProblem.forbidden("A district user sees only their own district's statistics.");
            }
            return statistics.rows(district != null ? query : query.onlyDistrict(actor.district()));
        }
        Roles.require(Role.CITY_ANALYST, Role.PLATFORM_ADMIN, Role.AUDITOR);
        return statistics.rows(query).stream().map(suppression::apply).toList();
    }

    private ObjectNode emptyRow(String district) {
        ObjectNode row = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        row.putObject("group").put("district", district);
        row.putObject("funnel").put("concerns", 0);
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
