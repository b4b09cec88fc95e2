package se.tidigt.query.stats.effect;

import se.tidigt.query.stats.SyntheticFacts;
import se.tidigt.rollout.api.AdoptionPlanned;
import se.tidigt.rollout.api.DistrictRolloutEvent;
import se.tidigt.rollout.api.RolloutTimeline;
import se.tidigt.rollout.api.SuspensionReason;
import se.tidigt.rollout.api.WorkModelAdopted;
import se.tidigt.rollout.api.WorkModelReinstated;
import se.tidigt.rollout.api.WorkModelSuspended;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A simulated city with a known effect: districts with their own level of acceptance and a common
 * trend; from the day a district's model is in force, every answer is accepted with {@code effect}
 * more probability (so a month adopted on the 15th is half treated, as in reality).
 */
final class SimulatedRollout {
    static final String MODEL = "VALLINGBY_TEAM";
    static final YearMonth FIRST = YearMonth.of(2019, 7);
    static final YearMonth LAST = YearMonth.of(2025, 6);

    final Map<String, List<DistrictRolloutEvent>> events = new TreeMap<>();
    private final double effect;
    /** Months before adoption in which the effect already shows (staff trained, families told). */
    int leadMonths;

    SimulatedRollout(double effect) {
        this.effect = effect;
    }

    SimulatedRollout district(String district) {
        events.computeIfAbsent(district, d -> new ArrayList<>());
        return this;
    }

    SimulatedRollout adopt(String district, String date) {
        district(district).events.get(district).add(new WorkModelAdopted(district, MODEL, LocalDate.parse(date)));
        return this;
    }

    SimulatedRollout planned(String district, String date, String planId, int wave) {
        district(district).events.get(district).add(new AdoptionPlanned(district, MODEL, LocalDate.parse(date), planId, wave));
        return adopt(district, date);
    }

    SimulatedRollout suspend(String district, String date) {
        events.get(district).add(new WorkModelSuspended(district, MODEL, LocalDate.parse(date), SuspensionReason.BUDGET, null));
        return this;
    }

    SimulatedRollout reinstate(String district, String date) {
        events.get(district).add(new WorkModelReinstated(district, MODEL, LocalDate.parse(date)));
        return this;
    }

    Map<String, Exposure> exposures() {
        Map<String, Exposure> exposures = new TreeMap<>();
        events.forEach((d, e) -> exposures.put(d, Exposure.of(List.of(RolloutTimeline.of(e)), MODEL)));
        return exposures;
    }

    /** Cases per district and month, each with one answered offer; months in {@code silent} have none. */
    SyntheticFacts cases(int perMonth, long seed, Map<String, List<YearMonth>> silent) {
        Random random = new Random(seed);
        SyntheticFacts facts = new SyntheticFacts();
        int index = 0;
        for (String district : events.keySet()) {
            double level = 0.40 + 0.03 * (index++ % 5);
            RolloutTimeline timeline = RolloutTimeline.of(events.get(district));
            for (YearMonth month = FIRST; !month.isAfter(LAST); month = month.plusMonths(1)) {
                if (silent.getOrDefault(district, List.of()).contains(month)) {
                    continue;
                }
                double trend = 0.002 * (Panel.index(month) - Panel.index(FIRST));
                for (int i = 0; i < perMonth; i++) {
                    LocalDate day = month.atDay(1 + i % month.lengthOfMonth());
                    boolean treated = timeline.modelInForceOn(day).filter(MODEL::equals).isPresent();
                    boolean anticipating = leadMonths > 0 && timeline.modelInForceOn(day.plusMonths(leadMonths))
                            .filter(MODEL::equals).isPresent();
                    double p = level + trend + (treated || anticipating ? effect : 0);
                    facts.add(district, treated ? MODEL : "ORDINARY", day + "T09:00:00Z", random.nextDouble() < p ? "A" : "D");
                }
            }
        }
        return facts;
    }
}
