package se.tidigt.query.stats.effect;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import se.tidigt.query.stats.effect.StaggeredAdoption.Cell;
import se.tidigt.query.stats.effect.StaggeredAdoption.Kind;

/**
 * The heterogeneity of the effect with wild-bootstrap intervals: a cohort's effect over its cells after
 * adoption, and an adopting district's own (its change against its cohort's comparisons). A district's own
 * noise, which no residual of its cohort carries when it is alone or is the estimate itself, is the
 * comparisons' spread borrowed through {@link Cell#ownNoise()}.
 */
final class DetailIntervals {
    /** An estimate, its 95 % interval (null: none) and the treated district-months it rests on. */
    record Estimate(double estimate, double[] interval, int n) {
    }

    private final StaggeredAdoption.Result result;
    private final WildBootstrap bootstrap;

    DetailIntervals(StaggeredAdoption.Result result, WildBootstrap bootstrap) {
        this.result = result;
        this.bootstrap = bootstrap;
    }

    /** The cohort adopting in month {@code group}: null when none of its cells after adoption is used. */
    Estimate cohort(int group) {
        List<Cell> cells = result.used(Kind.POST).stream().filter(c -> c.group() == group).toList();
        double[] estimate = StaggeredAdoption.Result.weighted(cells);
        if (estimate == null) {
            return null;
        }
        return new Estimate(estimate[0], bootstrap.interval(estimate[0], StaggeredAdoption.Result.residuals(cells),
                degreesOfFreedom(cells)), cells.stream().mapToInt(c -> c.treated() * c.months()).sum());
    }

    /**
     * A district of the cohort adopting in {@code group}: its own change against the comparisons, over its cells
     * weighted by months; the comparisons' residuals and its own noise. Null when it is in no used cell.
     */
    Estimate district(String district, int group) {
        List<Cell> own = result.used(Kind.POST).stream().filter(c -> c.group() == group
                && c.districtEffects().containsKey(district)).toList();
        if (own.isEmpty()) {
            return null;
        }
        List<String> cohort = result.cohorts().stream().filter(c -> c.group() == group).findFirst()
                .map(StaggeredAdoption.Cohort::districts).orElse(List.of());
        double weight = own.stream().mapToDouble(Cell::months).sum();
        double sum = 0;
        Map<String, Double> residuals = new HashMap<>();
        for (Cell c : own) {
            double share = c.months() / weight;
            sum += share * c.districtEffects().get(district);
            c.residuals().forEach((u, r) -> {
                if (!cohort.contains(u)) {
                    residuals.merge(u, r * share, Double::sum);
                }
            });
            residuals.merge(district, c.ownNoise().get(district) * share, Double::sum);
            String window = StaggeredAdoption.windowSource(district, c.from());
            residuals.merge(window, c.ownNoise().get(window) * share, Double::sum);
        }
        return new Estimate(sum, bootstrap.interval(sum, residuals, degreesOfFreedom(own)), (int) weight);
    }

    /**
     * The degrees of freedom the residuals were read with: the comparison districts behind the cells, less one
     * (a single cell: its comparisons less one).
     */
    static int degreesOfFreedom(List<Cell> cells) {
        long comparisons = cells.stream().flatMap(c -> c.residuals().keySet().stream())
                .filter(source -> cells.stream().noneMatch(c -> c.ownNoise().containsKey(source))).distinct().count();
        return (int) comparisons - 1;
    }
}
