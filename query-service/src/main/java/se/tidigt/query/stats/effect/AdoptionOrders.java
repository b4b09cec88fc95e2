package se.tidigt.query.stats.effect;

import se.tidigt.query.rollout.RolloutPlanView;
import se.tidigt.rollout.api.SteppedWedge;
import se.tidigt.rollout.api.WaveAssignment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Supplier;

/** The re-drawn orders of adoption randomisation inference compares the observed one with. */
final class AdoptionOrders {
    private AdoptionOrders() {
    }

    /**
     * The plan's own draw with new seeds: its districts get their new wave's first full month; districts
     * outside the plan (a pilot adopted before it) keep their observed adoption in every draw.
     */
    static Supplier<Map<String, Integer>> plan(RolloutPlanView plan, Map<String, Integer> observed, long seed) {
        Random random = new Random(seed);
        List<String> districts = plan.schedule().stream().map(WaveAssignment::district).toList();
        return () -> {
            Map<String, Integer> drawn = new HashMap<>(observed);
            districts.forEach(drawn::remove);
            SteppedWedge.schedule(districts, plan.firstWaveStart(), plan.waves(), plan.monthsPerWave(), random.nextLong())
                    .forEach(a -> drawn.put(a.district(), Panel.index(Exposure.firstFullMonth(a.start()))));
            return drawn;
        };
    }

    /** The observed adoption months (and never) permuted among the districts. */
    static Supplier<Map<String, Integer>> permutation(java.util.Set<String> units, Map<String, Integer> observed, long seed) {
        Random random = new Random(seed);
        List<String> order = new ArrayList<>(new TreeSet<>(units));
        List<Integer> months = new ArrayList<>();
        order.forEach(u -> months.add(observed.get(u)));
        return () -> {
            Collections.shuffle(months, random);
            Map<String, Integer> drawn = new HashMap<>();
            for (int i = 0; i < order.size(); i++) {
                if (months.get(i) != null) {
                    drawn.put(order.get(i), months.get(i));
                }
            }
            return drawn;
        };
    }
}
