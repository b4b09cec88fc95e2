package se.tidigt.query.stats.protection;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.tidigt.query.stats.Count;
import se.tidigt.query.stats.RecordKeys;

import java.time.LocalDate;

/**
 * The cell-key method as the platform applies it: a cell's key is the sum of its records' keys
 * modulo 2³², and the perturbation table turns (count, key) into the published count. Every published
 * count is perturbed once from the records in it; a count made of parts is published as the sum of its
 * parts' published counts.
 */
public final class CellKeyMethod {
    public static final String METHOD = "cell-key perturbation";
    public static final String REFERENCE = "Australian Bureau of Statistics, TableBuilder (Fraser & Wooton 2005; "
            + "Thompson, Broadfoot & Elazar 2013); Office for National Statistics, Census 2021 flexible tables (cell-key method)";

    private final RecordKeys keys;
    private final PerturbationTable table;
    /** Means, medians and percentiles rest on at least this many records (docs/statistics.md). */
    private final int minimumRecords = 10;

    public CellKeyMethod(RecordKeys keys, PerturbationTable table) {
        this.keys = keys;
        this.table = table;
    }

    public RecordKeys keys() {
        return keys;
    }

    public int threshold() {
        return table.threshold();
    }

    public long perturb(Count count) {
        if (!count.parts().isEmpty()) {
            long sum = 0;
            for (Count part : count.parts()) {
                sum += perturb(part);
            }
            return sum;
        }
        return table.perturb(count.n(), count.key());
    }

    /** The {@code protection} object of an answer: method, parameters, bias, and the period the answer covers. */
    public ObjectNode describe(String cells, LocalDate from, LocalDate to, boolean widened) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("method", METHOD).put("reference", REFERENCE);
        node.put("threshold", table.threshold());
        node.putArray("noiseRange").add(-table.range()).add(table.range());
        node.put("perturbationTable", table.id());
        node.put("cells", cells);
        node.put("smallCounts", "a cell count from 1 to " + (table.threshold() - 1) + " is published as 0 or "
                + table.threshold() + " (" + table.threshold() + " with probability count ÷ " + table.threshold() + ")");
        ObjectNode bias = node.putObject("bias");
        bias.put("summary", "none for cells of 0 to " + (table.threshold() - 1) + " and from " + (table.threshold() + table.range())
                + " on; upward at " + table.threshold() + " to " + (table.threshold() + table.range() - 1)
                + " (noise never takes a count below the threshold)");
        ObjectNode byCount = bias.putObject("perCellCount");
        for (int c = table.threshold(); c < table.threshold() + table.range(); c++) {
            byCount.put(String.valueOf(c), Math.round(table.bias(c) * 1000) / 1000.0);
        }
        node.put("derivedFigures", "rates, intervals and complements are computed from the perturbed counts; a rate "
                + "needs a perturbed denominator of at least " + table.threshold() + "; medians, percentiles, means and "
                + "design effects are read from the records and shown only when the perturbed n and the records on each "
                + "side of the value are at least " + table.threshold());
        if (from != null || to != null) {
            ObjectNode period = node.putObject("period");
            period.put("from", from == null ? null : from.toString()).put("to", to == null ? null : to.toString());
            period.put("widenedToWholeMonths", widened);
        }
        return node;
    }

    /**
     * The {@code protection} object of a {@code /stats} answer: every published count randomly rounded to a
     * multiple of the threshold from its row's running count (docs/statistics.md, "Disclosure control").
     */
    public ObjectNode describePublished(String series, LocalDate from, LocalDate to) {
        int k = table.threshold();
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("method", METHOD).put("reference", REFERENCE + "; random rounding to base " + k
                + " (Statistics New Zealand, RR3; Fellegi 1975)");
        node.put("threshold", k);
        node.putArray("noiseRange").add(-(k - 1)).add(k - 1);
        node.put("perturbationTable", "tidigt-ckm-running-rounding-k" + k + "-v2");
        node.put("cells", series);
        node.put("rounding", "a count is k·(⌊(C + n)/k + u⌋ − ⌊C/k + u⌋): n the row's count, C its series' count before the "
                + "row's months, u uniform from the cell key of the series' records; so every published count is a multiple of "
                + k + " and never more than " + (k - 1) + " from the exact one, whatever the months or districts it covers");
        node.put("smallCounts", "a count from 1 to " + (k - 1) + " is published as 0 or " + k + "; every sum or difference of "
                + "published counts is a multiple of " + k);
        node.putObject("bias").put("summary", "none: random rounding is unbiased");
        node.put("varianceBound", k * k / 4.0);
        node.put("consistency", "a part is never published above its total (it is lowered to it) and offers never below "
                + "accepted + declined (raised to it)");
        node.put("derivedFigures", "rates and intervals are computed from the published counts; a rate needs a published "
                + "denominator of at least " + k + "; its 95 % interval adds the protection's variance (at most "
                + (k * k / 4.0) + " a count) to the sampling variance; medians and percentiles are the mean of the 5 records "
                + "around the rank, rounded to a whole unit, means and design effects are rounded to one decimal, each shown "
                + "only when it rests on at least " + minimumRecords + " records (published n too) with at least " + k
                + " on each side of the value");
        if (from != null || to != null) {
            ObjectNode period = node.putObject("period");
            period.put("from", from == null ? null : from.toString()).put("to", to == null ? null : to.toString());
            period.put("widenedToWholeMonths", true);
        }
        return node;
    }

    /** What a district user gets for their own district. */
    public static ObjectNode none(String reason) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("method", "none").put("reason", reason);
        return node;
    }
}
