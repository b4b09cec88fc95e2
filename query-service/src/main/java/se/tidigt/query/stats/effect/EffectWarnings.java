package se.tidigt.query.stats.effect;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Warnings that look at the data behind an effect: too few adopters or comparisons, districts left
 * out, cohorts of one district, event times resting on one cohort, district-months with too few
 * answers, suspensions, part-way adoptions, a rejected pre-trend test.
 */
final class EffectWarnings {
    private static final int MIN_TREATED = 4;
    private static final int MIN_COMPARISON = 2;

    private final EffectEstimate estimate;
    private final Panel panel;
    private final Map<String, Exposure> exposures;

    EffectWarnings(EffectEstimate estimate, Panel panel, Map<String, Exposure> exposures) {
        this.estimate = estimate;
        this.panel = panel;
        this.exposures = exposures;
    }

    ArrayNode warnings(int threshold) {
        Map<String, Integer> adoption = estimate.adoption();
        Map<String, Integer> bases = estimate.bases();
        List<StaggeredAdoption.GroupTime> cells = estimate.cells();
        ArrayNode warnings = JsonNodeFactory.instance.arrayNode();
        if (adoption.size() < MIN_TREATED) {
            warnings.add("Only " + adoption.size() + " district(s) adopted the model; at least " + MIN_TREATED
                    + " are needed for a stable estimate.");
        }
        long comparison = exposures.values().stream().filter(e -> !e.adopted()).count() + adoption.size() - 1;
        if (comparison < MIN_COMPARISON) {
            warnings.add("Fewer than " + MIN_COMPARISON + " districts are available for comparison.");
        }
        if (cells.isEmpty()) {
            warnings.add("No group-time effect could be estimated: adopting and comparison districts need data in a base "
                    + "month before adoption and after it.");
        }
        estimate.excludedDistricts().forEach((d, reason) -> warnings.add(d + " is left out of the estimate: " + reason + "."));
        Map<String, Integer> cohortSizes = new TreeMap<>();
        bases.forEach((d, b) -> cohortSizes.merge(Panel.label(adoption.get(d)), 1, Integer::sum));
        cohortSizes.forEach((g, n) -> {
            if (n == 1) {
                warnings.add("The cohort adopting in " + g + " is one district: its effects rest on that district alone.");
            }
        });
        List<Integer> single = new ArrayList<>();
        StaggeredAdoption.eventStudy(cells).keySet().forEach(e -> {
            if (estimate.cohortsAt(e) == 1) {
                single.add(e);
            }
        });
        if (!single.isEmpty()) {
            warnings.add("Months since adoption " + single + " rest on a single cohort.");
        }
        if (panel.fewAnswers() > 0) {
            warnings.add(panel.fewAnswers() + " district-month(s) had fewer than " + threshold
                    + " answers and were left out of the panel.");
        }
        exposures.forEach((d, exposure) -> {
            if (exposure.spells().size() > 1) {
                warnings.add(d + " had the model suspended and reinstated: only its first spell is used; later spells "
                        + "are listed under districts[].spells.");
            }
            if (exposure.adopted() && exposure.firstAdoption().getDayOfMonth() != 1) {
                warnings.add(d + " adopted part-way through " + YearMonth.from(exposure.firstAdoption())
                        + ": that month is left out, neither before nor after.");
            }
        });
        ObjectNode pre = estimate.preTrendTest();
        if (pre.hasNonNull("pValue") && pre.get("pValue").asDouble() < 0.05) {
            warnings.add("The pre-trend test rejects parallel trends (p = " + pre.get("pValue").asDouble()
                    + "): the adopters differed before adopting; the effect may be biased.");
        }
        return warnings;
    }
}
