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

    /** The protection's variance of a count as published: {@link PerturbationTable#varianceAt}. */
    public double varianceAt(long published) {
        return table.varianceAt(published);
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
        node.put("consistency", "a part is never published above its total (it is lowered to it) and offers never below "
                + "accepted + declined (raised to it)");
        node.put("derivedFigures", "rates and intervals are computed from the published counts; a rate needs a published "
                + "denominator of at least " + table.threshold() + "; its 95 % interval adds the protection's variance to the "
                + "sampling variance; medians and percentiles are the mean of the 5 records around the rank, rounded to a "
                + "whole unit, means and design effects are rounded to one decimal, each shown only when it rests on at least "
                + minimumRecords + " records (published n too) with at least " + table.threshold() + " on each side of the value");
        if (from != null || to != null) {
            ObjectNode period = node.putObject("period");
            period.put("from", from == null ? null : from.toString()).put("to", to == null ? null : to.toString());
            period.put("widenedToWholeMonths", widened);
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
