package se.tidigt.query.stats.effect;

import se.tidigt.query.rollout.RolloutPlanView;
import se.tidigt.rollout.api.RolloutDesign;
import se.tidigt.rollout.api.SteppedWedge;
import se.tidigt.rollout.api.WaveAssignment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * A simulated city the size of Stockholm's: eleven districts from 2019 to late 2026 with about three answered
 * offers a month each, a pilot district adopted in 2021 outside the plan (its first spell ends after two
 * years), and ten districts in a seeded stepped-wedge plan of four waves of six months (three started); district
 * levels, city-wide monthly shocks and binomial answers drawn from the seed; the effect the same everywhere.
 */
final class SimulatedCity {
    static final int FIRST = Panel.index(YearMonth.of(2019, 1));
    static final int LAST = Panel.index(YearMonth.of(2026, 11));
    static final List<String> PLAN = IntStream.rangeClosed(1, 10).mapToObj(i -> String.format("d%02d", i)).toList();
    static final String PILOT = "pilot";

    private final double effect;
    private final long seed;
    double spread = 0.2;
    double shockSd = 0.03;
    double answers = 3;
    int baseMonths = StaggeredAdoption.BASE_MONTHS;
    /** The adoptions observed by the last panel drawn (district → first treated month). */
    private Map<String, Integer> observed;

    SimulatedCity(double effect, long seed) {
        this.effect = effect;
        this.seed = seed;
    }

    static List<String> districts() {
        List<String> all = new ArrayList<>(PLAN);
        all.add(PILOT);
        return all;
    }

    RandomisationInference inference() {
        return inference(199);
    }

    RandomisationInference inference(int draws) {
        SplittableRandom random = new SplittableRandom(seed);
        long planSeed = random.nextLong();
        LocalDate firstWave = LocalDate.of(2025, 6, 1);
        List<WaveAssignment> schedule = SteppedWedge.schedule(PLAN, firstWave, 4, 6, planSeed);
        RolloutPlanView plan = new RolloutPlanView("plan", "TEAM", RolloutDesign.STEPPED_WEDGE, planSeed, firstWave, 4, 6,
                schedule, SteppedWedge.comparisonDistricts(schedule), "analyst", Instant.EPOCH, "admin", Instant.EPOCH);
        StaggeredAdoption estimator = estimator(random, schedule);
        return new RandomisationInference(estimator, observed, AdoptionOrders.plan(plan, observed, random.nextLong()), draws);
    }

    /** The estimate on exact counts with its detail (residuals for the wild bootstrap), without re-drawn orders. */
    StaggeredAdoption.Result detail() {
        SplittableRandom random = new SplittableRandom(seed);
        long planSeed = random.nextLong();
        List<WaveAssignment> schedule = SteppedWedge.schedule(PLAN, LocalDate.of(2025, 6, 1), 4, 6, planSeed);
        return estimator(random, schedule).estimate(observed, true);
    }

    private StaggeredAdoption estimator(SplittableRandom random, List<WaveAssignment> schedule) {
        Map<String, Integer> adoption = new HashMap<>();
        adoption.put(PILOT, Panel.index(YearMonth.of(2021, 1)));
        schedule.forEach(a -> adoption.put(a.district(), Panel.index(YearMonth.from(a.start()))));
        Map<String, double[][]> counts = new TreeMap<>();
        double[] shock = new double[LAST - FIRST + 1];
        for (int t = 0; t < shock.length; t++) {
            shock[t] = shockSd * random.nextGaussian();
        }
        for (String district : adoption.keySet()) {
            double level = 0.5 - spread / 2 + spread * random.nextDouble();
            int g = adoption.get(district);
            boolean pilot = district.equals(PILOT);
            double[][] prefix = new double[3][LAST - FIRST + 2];
            for (int t = FIRST; t <= LAST; t++) {
                int i = t - FIRST;
                // the pilot's first spell ends after two years: later months are not in the panel
                boolean usable = !pilot || t < g + 24;
                boolean treated = t >= g && usable;
                int n = usable ? PlanPower.poisson(random, answers) : 0;
                double p = Math.min(0.99, Math.max(0.01, level + shock[i] + (treated ? effect : 0)));
                int yes = 0;
                for (int k = 0; k < n; k++) {
                    yes += random.nextDouble() < p ? 1 : 0;
                }
                prefix[0][i + 1] = prefix[0][i] + yes;
                prefix[1][i + 1] = prefix[1][i] + n;
                prefix[2][i + 1] = prefix[2][i] + (treated ? n : 0);
            }
            counts.put(district, prefix);
        }
        StaggeredAdoption.Counts panel = StaggeredAdoption.Counts.ofRunningSums(counts, FIRST, LAST);
        observed = new HashMap<>(adoption);
        observed.values().removeIf(g -> g > LAST);
        return new StaggeredAdoption(panel, 0, baseMonths);
    }
}
