package se.tidigt.gateway.spread;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import se.tidigt.demo.DemoDataSwitch;
import se.tidigt.gateway.spread.SpreadAnswers.DistrictRow;
import se.tidigt.gateway.spread.SpreadAnswers.EffectUsed;
import se.tidigt.gateway.spread.SpreadAnswers.Figure;
import se.tidigt.gateway.spread.SpreadAnswers.Investigation;
import se.tidigt.query.rollout.RolloutViews;
import se.tidigt.query.stats.StatisticsPosition;
import se.tidigt.query.stats.Stats;
import se.tidigt.query.stats.effect.EffectAnswer;
import se.tidigt.rollout.api.District;
import se.tidigt.rollout.api.DistrictCatalogue;
import se.tidigt.rollout.api.RolloutTimeline;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The investigation for the city and each of today's districts: the evidence engine's effects, the protected
 * intake of the last 12 complete months, the team's caseload and cost from the rollout records, and the
 * socio-economic view under the parameters in force.
 */
@Service
class SpreadInvestigation {
    static final String METHOD = "Effects from the platform's evidence engine (the rollout effect, its randomisation-"
            + "inference interval); counts through the statistics' disclosure control; caseload and cost from the "
            + "districts' staffing and funding records while the model was in force; docs/spread-investigation.md.";

    private final Evidence evidence;
    private final ProtectedCounts counts;
    private final RolloutViews rollout;
    private final DistrictCatalogue catalogue;
    private final Clock clock;
    private final boolean synthetic;

    SpreadInvestigation(Evidence evidence, ProtectedCounts counts, RolloutViews rollout, DistrictCatalogue catalogue,
                        Clock clock, Environment environment) {
        this.evidence = evidence;
        this.counts = counts;
        this.rollout = rollout;
        this.catalogue = catalogue;
        this.clock = clock;
        this.synthetic = DemoDataSwitch.on(environment);
    }

    boolean synthetic() {
        return synthetic;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(Stats.ZONE));
    }

    Investigation investigate(String user, String workModel, int horizon, SpreadParameters.Values parameters,
                              StatisticsPosition.State state) {
        LocalDate today = today();
        YearMonth last = YearMonth.from(today).minusMonths(1);
        LocalDate from = last.minusMonths(11).atDay(1);
        LocalDate to = last.atEndOfMonth();

        Optional<EffectAnswer> acceptance = evidence.effect(user, workModel, Evidence.ACCEPTANCE, state);
        Optional<EffectAnswer> reached = evidence.effect(user, workModel, Evidence.REACHED, state);
        Optional<EffectAnswer> placement = evidence.effect(user, workModel, Evidence.PLACEMENT, state);
        EffectUsed pooledAcceptance = Evidence.pooled(Evidence.ACCEPTANCE, acceptance);
        EffectUsed pooledReached = Evidence.pooled(Evidence.REACHED, reached);
        EffectUsed pooledPlacement = Evidence.pooled(Evidence.PLACEMENT, placement);

        List<District> districts = catalogue.validOn(today);
        Map<String, RolloutTimeline> timelines = new TreeMap<>();
        districts.forEach(d -> timelines.put(d.code(), rollout.timelineOf(d.code())));
        SpreadAnswers.Team team = TeamFigures.of(workModel, timelines, last, counts, state);
        Map<String, ProtectedCounts.Counts> intake = counts.byDistrict(from, to, state);

        List<DistrictRow> rows = new ArrayList<>();
        for (District d : districts) {
            RolloutTimeline timeline = timelines.get(d.code());
            SpreadAnswers.Status status = TeamRecords.status(timeline, workModel, today);
            boolean adopted = status.kind().equals("ADOPTED");
            rows.add(DistrictFigures.of(d.code(), d.name(), status, from, to,
                    intake.getOrDefault(d.code(), ProtectedCounts.Counts.ZERO),
                    Evidence.forDistrict(d.code(), adopted, pooledAcceptance, acceptance),
                    Evidence.forDistrict(d.code(), adopted, pooledReached, reached),
                    Evidence.forDistrict(d.code(), adopted, pooledPlacement, placement),
                    team, TeamRecords.staffingOn(timeline, today), parameters, horizon));
        }
        EffectAnswer main = acceptance.orElse(null);
        return new Investigation(workModel, horizon, from.toString(), to.toString(), synthetic, pooledAcceptance,
                pooledReached, pooledPlacement, team, DistrictFigures.totals(rows, parameters, horizon), rows,
                parameters.listed(), main == null ? null : main.caveat(), main == null ? List.of() : main.warnings(),
                main == null || main.sensitivity() == null ? List.of() : main.sensitivity(),
                new SpreadAnswers.Protection("Counts as /stats publishes them to the city: rounded once per published figure "
                        + "to a multiple of 5, withheld below the threshold; every figure states its n.",
                        main == null || main.protection() == null ? null : main.protection().method()),
                METHOD);
    }
}
