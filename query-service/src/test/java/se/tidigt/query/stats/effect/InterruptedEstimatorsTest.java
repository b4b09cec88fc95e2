package se.tidigt.query.stats.effect;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.tidigt.rollout.api.SteppedWedge;
import se.tidigt.rollout.api.WaveAssignment;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An estimate whose thread is interrupted (its client gone, or its time budget passed) stops at its next
 * draw or simulation instead of running to its end; uninterrupted, the same estimate runs every draw.
 */
class InterruptedEstimatorsTest {
    private static final List<String> DISTRICTS = IntStream.rangeClosed(1, 6).mapToObj(i -> String.format("d%02d", i)).toList();
    private static final int FIRST = 0;
    private static final int LAST = 23;
    private static final Map<String, Integer> ADOPTION = Map.of("d01", 6, "d02", 6, "d03", 12, "d04", 12, "d05", 18, "d06", 18);

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void a_power_simulation_stops_once_its_thread_is_interrupted() {
        List<WaveAssignment> schedule = SteppedWedge.schedule(DISTRICTS, LocalDate.of(2027, 1, 1), 3, 3, 7);
        Map<String, PlanPower.Volume> volumes = new TreeMap<>();
        DISTRICTS.forEach(d -> volumes.put(d, new PlanPower.Volume(20, 0.5, "given")));
        PlanPower.Plan plan = new PlanPower.Plan(schedule, 3, 6, volumes, 0.1, 1000, 7);

        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> PlanPower.simulate(plan)).isInstanceOf(CancellationException.class);
    }

    @Test
    void randomisation_inference_draws_nothing_more_once_its_thread_is_interrupted() {
        AtomicInteger draws = new AtomicInteger();
        RandomisationInference uninterrupted = inference(draws);
        assertThat(draws).as("uninterrupted, every draw").hasValue(999);
        assertThat(uninterrupted.usableDraws()).isPositive();

        draws.set(0);
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> inference(draws)).isInstanceOf(CancellationException.class);
        assertThat(draws).as("draws after the interrupt").hasValue(0);
    }

    @Test
    void the_wild_bootstrap_stops_once_its_thread_is_interrupted() {
        WildBootstrap bootstrap = new WildBootstrap(999, 7);
        Map<String, Double> residuals = new TreeMap<>();
        DISTRICTS.forEach(d -> residuals.put(d, d.hashCode() % 7 / 100.0));
        assertThat(bootstrap.interval(0.1, residuals, 5)).as("uninterrupted").hasSize(2);

        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> bootstrap.interval(0.1, residuals, 5)).isInstanceOf(CancellationException.class);
    }

    private static RandomisationInference inference(AtomicInteger draws) {
        List<Integer> starts = List.of(6, 6, 12, 12, 18, 18);
        return new RandomisationInference(new StaggeredAdoption(panel(), 0), ADOPTION, () -> {
            int shift = draws.incrementAndGet();
            Map<String, Integer> redrawn = new TreeMap<>();
            for (int i = 0; i < DISTRICTS.size(); i++) {
                redrawn.put(DISTRICTS.get(i), starts.get((i + shift) % starts.size()));
            }
            return redrawn;
        }, 999);
    }

    /** Every district 40 answers a month, a few more accepted in some districts than in others. */
    private static StaggeredAdoption.Counts panel() {
        return new StaggeredAdoption.Counts() {
            @Override
            public Set<String> units() {
                return ADOPTION.keySet();
            }

            @Override
            public double[] window(String unit, int from, int to) {
                int a = Math.max(from, FIRST);
                int b = Math.min(to, LAST + 1);
                if (b <= a) {
                    return new double[3];
                }
                int months = b - a;
                int treatedMonths = Math.max(0, b - Math.max(a, ADOPTION.get(unit)));
                double accepted = months * (18 + unit.charAt(2) % 5) + treatedMonths * 2;
                return new double[]{accepted, months * 40, treatedMonths * 40};
            }

            @Override
            public int first() {
                return FIRST;
            }

            @Override
            public int last() {
                return LAST;
            }
        };
    }
}
