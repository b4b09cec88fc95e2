package se.tidigt.rollout.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A stepped-wedge schedule: the districts in a random order drawn from a seed, cut into waves of
 * sizes that differ by at most one, each wave starting {@code monthsPerWave} after the last. The
 * order of the districts in the request does not matter (they are sorted first), and
 * {@link java.util.Random} is specified to give the same sequence for a seed on every JVM, so the
 * same request always gives the same schedule.
 */
public final class SteppedWedge {
    private SteppedWedge() {
    }

    public static List<WaveAssignment> schedule(List<String> districts, LocalDate firstWaveStart, int waves,
                                                int monthsPerWave, long seed) {
        List<String> order = new ArrayList<>(districts);
        Collections.sort(order);
        Collections.shuffle(order, new Random(seed));
        List<WaveAssignment> schedule = new ArrayList<>();
        int index = 0;
        for (int wave = 1; wave <= waves; wave++) {
            int size = order.size() / waves + (wave <= order.size() % waves ? 1 : 0);
            LocalDate start = firstWaveStart.plusMonths((long) (wave - 1) * monthsPerWave);
            for (int i = 0; i < size; i++) {
                schedule.add(new WaveAssignment(order.get(index++), wave, start));
            }
        }
        return schedule;
    }

    /** For each wave, the districts that have not adopted yet when it starts: the comparison group. */
    public static Map<Integer, List<String>> comparisonDistricts(List<WaveAssignment> schedule) {
        Map<Integer, List<String>> comparison = new LinkedHashMap<>();
        schedule.stream().mapToInt(WaveAssignment::wave).distinct().sorted().forEach(wave ->
                comparison.put(wave, schedule.stream().filter(a -> a.wave() > wave).map(WaveAssignment::district).toList()));
        return comparison;
    }
}
