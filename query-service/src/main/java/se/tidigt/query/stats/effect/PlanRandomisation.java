package se.tidigt.query.stats.effect;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.tidigt.query.rollout.RolloutPlanView;
import se.tidigt.query.stats.Stats;
import se.tidigt.rollout.api.RolloutDesign;
import se.tidigt.rollout.api.SteppedWedge;
import se.tidigt.rollout.api.WaveAssignment;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Randomisation inference (Fisher's exact test of the sharp null of no effect in any district) where
 * the order of adoption came from a seeded stepped-wedge plan: the platform drew the order, so it can
 * draw it again. Each re-draw gives each district of the plan the start of its new wave; the simple
 * aggregate is recomputed on the same panel; the p-value is the share of re-draws at least as extreme
 * as the plan actually drawn, counting the plan itself ((1 + #) ÷ (1 + draws)).
 */
final class PlanRandomisation {
    private final Function<String, Optional<RolloutPlanView>> plans;
    private final Panel panel;
    private final Map<String, Exposure> exposures;
    private final int last;

    PlanRandomisation(Function<String, Optional<RolloutPlanView>> plans, Panel panel, Map<String, Exposure> exposures, YearMonth lastComplete) {
        this.plans = plans;
        this.panel = panel;
        this.exposures = exposures;
        this.last = Panel.index(lastComplete);
    }

    ObjectNode test(EffectQuery query, List<String> adopting) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        Set<String> plans = adopting.stream()
                .map(d -> exposures.containsKey(d) ? String.valueOf(exposures.get(d).planId()) : "null").collect(Collectors.toSet());
        Optional<RolloutPlanView> plan = plans.size() == 1 && !plans.contains("null")
                ? this.plans.apply(plans.iterator().next()) : Optional.empty();
        if (adopting.isEmpty() || plan.isEmpty() || plan.get().design() != RolloutDesign.STEPPED_WEDGE) {
            node.put("available", false);
            node.put("reason", "the adoptions did not all come from one seeded stepped-wedge plan, so the order cannot be re-drawn");
            return node;
        }
        RolloutPlanView p = plan.get();
        Double observed = statistic(p.schedule());
        if (observed == null) {
            node.put("available", false).put("reason", "no effect could be estimated under the plan's schedule");
            return node;
        }
        List<String> districts = p.schedule().stream().map(WaveAssignment::district).toList();
        Random random = new Random(query.seed());
        int extreme = 0;
        int draws = 0;
        for (int r = 0; r < query.replicates(); r++) {
            Double drawn = statistic(SteppedWedge.schedule(districts, p.firstWaveStart(), p.waves(), p.monthsPerWave(),
                    random.nextLong()));
            if (drawn != null) {
                draws++;
                if (Math.abs(drawn) >= Math.abs(observed) - 1e-12) {
                    extreme++;
                }
            }
        }
        node.put("available", true).put("planId", p.planId()).put("planSeed", p.seed());
        node.put("statistic", "simple aggregate ATT with each plan district adopting at its wave's start");
        node.put("observed", Stats.round(observed)).put("draws", draws).put("seed", query.seed());
        node.put("pValue", Stats.round((1.0 + extreme) / (1.0 + draws)));
        return node;
    }

    private Double statistic(List<WaveAssignment> schedule) {
        Map<String, Integer> adoption = new HashMap<>();
        exposures.forEach((d, e) -> {
            if (e.adopted()) {
                adoption.put(d, Panel.index(e.firstTreatedMonth()));
            }
        });
        schedule.forEach(a -> adoption.put(a.district(), Panel.index(Exposure.firstFullMonth(a.start()))));
        Map<String, Integer> bases = new HashMap<>();
        adoption.forEach((d, g) -> {
            Integer base = g <= last ? panel.baseOf(d, g, EffectEstimate.BASE_WINDOW) : null;
            if (base != null) {
                bases.put(d, base);
            }
        });
        return StaggeredAdoption.aggregate(new StaggeredAdoption(panel.values(), adoption, bases).groupTimeEffects());
    }
}
