package se.tidigt.query.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a tree of figures into what a reader may see: every {@link Count} becomes the count the
 * reader gets (exact, or as {@link Publication} publishes it), then every read value ({@link Guarded})
 * is shown or withheld, then every rate's value and interval is worked out from the counts just shown,
 * never from the raw ones; for a protected reader the interval also carries the protection's variance.
 * Withheld values are null and listed by path.
 */
final class Resolution {
    /**
     * Objects whose keys are values found in the records (an age, a partner, a kind of support): for a
     * protected reader an entry published as 0 is left out, or its key alone would say that such a
     * record exists.
     */
    private static final Set<String> KEYED_BY_VALUE = Set.of("byYear", "collaborationsByPartner", "openAccessSupport");
    /** The funnel's steps that count cases, each a subset of the concerns. */
    private static final List<String> CASE_STEPS = List.of("protectionAssessments", "initialAssessments",
            "investigationsOpened", "casesClosed", "casesOpen");

    /** Null: the reader sees everything exactly (their own district). */
    private final Publication publication;
    /** The same figures over the row's series before its window, and over the whole series (protected readers). */
    private final ObjectNode before;
    private final ObjectNode whole;
    private final List<String> withheld = new ArrayList<>();

    private Resolution(Publication publication, ObjectNode before, ObjectNode whole) {
        this.publication = publication;
        this.before = before;
        this.whole = whole;
    }

    static Resolution exact() {
        return new Resolution(null, null, null);
    }

    /** {@code before}, {@code whole}: the row's figures over its series before the window and over all of it. */
    static Resolution protectedBy(Publication publication, ObjectNode before, ObjectNode whole) {
        return new Resolution(publication, before, whole);
    }

    List<String> withheld() {
        return withheld;
    }

    ObjectNode resolve(ObjectNode tree) {
        if (publication != null) {
            define(tree, "");
            rules(tree);
            publication.settle();
            for (String name : KEYED_BY_VALUE) {
                if (tree.findParent(name) == null) {
                    // A figure renamed without this list would lose its protection silently: refuse instead.
                    throw new IllegalStateException("No figure named " + name + " to protect");
                }
            }
        }
        walk(tree, "");
        return tree;
    }

    /** Every count of the window fixed, with the same path's count before the window and over the whole series. */
    private void define(JsonNode node, String path) {
        node.fields().forEachRemaining(field -> {
            String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            if (field.getValue() instanceof POJONode pojo && pojo.getPojo() instanceof Count count) {
                publication.define(count, at(before, at), at(whole, at));
            } else if (field.getValue().isObject()) {
                define(field.getValue(), at);
            }
        });
    }

    private static Count at(JsonNode tree, String path) {
        JsonNode node = tree;
        for (String field : path.split("\\.")) {
            node = node == null ? null : node.get(field);
        }
        return node instanceof POJONode pojo && pojo.getPojo() instanceof Count count ? count : null;
    }

    /** The consistency rules of an answer: the funnel's parts within their totals, every numerator within its denominator. */
    private void rules(ObjectNode tree) {
        JsonNode funnel = tree.get("funnel");
        if (funnel != null) {
            Count concerns = count(funnel, "concerns");
            CASE_STEPS.forEach(step -> publication.partOf(count(funnel, step), concerns));
            publication.partOf(count(funnel, "investigationsConcluded"), count(funnel, "investigationsOpened"));
            publication.partOf(count(funnel, "interventionsStarted"), count(funnel, "accepted"));
            publication.partOf(count(funnel, "interventionsEnded"), count(funnel, "interventionsStarted"));
            publication.totalOf(count(funnel, "offers"), count(funnel, "accepted"), count(funnel, "declined"));
        }
        JsonNode placements = tree.get("placements");
        if (placements != null) {
            publication.partOf(count(placements, "compulsory"), count(placements, "placements"));
        }
        rateRules(tree);
    }

    private void rateRules(JsonNode node) {
        if (node.has("numerator") && node.has("denominator")) {
            publication.partOf(count(node, "numerator"), count(node, "denominator"));
        }
        node.forEach(child -> {
            if (child.isObject()) {
                rateRules(child);
            }
        });
    }

    private static Count count(JsonNode node, String field) {
        if (node.get(field) instanceof POJONode pojo && pojo.getPojo() instanceof Count count) {
            return count;
        }
        throw new IllegalStateException("No count at " + field);
    }

    private long shown(Count count) {
        return publication == null ? count.n() : publication.count(count);
    }

    private void walk(ObjectNode node, String path) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        node.fields().forEachRemaining(fields::add);
        boolean keyedByValue = KEYED_BY_VALUE.contains(path.substring(path.lastIndexOf('.') + 1));
        Count numerator = node.has("numerator") && node.has("denominator") ? count(node, "numerator") : null;
        Count denominator = numerator == null ? null : count(node, "denominator");
        Guarded designEffect = node.get("designEffect") instanceof POJONode pojo && pojo.getPojo() instanceof Guarded g ? g : null;
        for (Map.Entry<String, JsonNode> field : fields) {
            String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            JsonNode value = field.getValue();
            if (value instanceof POJONode pojo && pojo.getPojo() instanceof Count count) {
                long shown = shown(count);
                if (publication != null && keyedByValue && shown == 0) {
                    node.remove(field.getKey());
                } else {
                    node.put(field.getKey(), shown);
                }
            } else if (value.isObject()) {
                walk((ObjectNode) value, at);
            }
        }
        for (Map.Entry<String, JsonNode> field : fields) {
            if (field.getValue() instanceof POJONode pojo && pojo.getPojo() instanceof Guarded guarded) {
                Double shown = guarded.value() == null ? null : publication == null ? guarded.value() : published(guarded, node);
                node.put(field.getKey(), shown);
                if (guarded.value() != null && shown == null) {
                    withheld.add(path.isEmpty() ? field.getKey() : path + "." + field.getKey());
                }
            }
        }
        if (numerator != null) {
            rate(node, path, numerator, denominator, designEffect == null || designEffect.value() == null ? 1.0 : designEffect.value());
        }
    }

    /**
     * A read value for a protected reader: its smoothed or rounded form, when it rests on at least
     * {@link Publication#MIN_RECORDS} records (and the figure's published n says as much) with at least the
     * threshold on each side.
     */
    private Double published(Guarded guarded, ObjectNode node) {
        boolean enough = guarded.published() != null && guarded.records() >= Publication.MIN_RECORDS
                && guarded.support() >= publication.threshold()
                && (!node.has("n") || node.get("n").asLong() >= Publication.MIN_RECORDS);
        return enough ? guarded.published() : null;
    }

    private void rate(ObjectNode node, String path, Count numeratorCount, Count denominatorCount, double deff) {
        long numerator = node.get("numerator").asLong();
        long denominator = node.get("denominator").asLong();
        if (denominator == 0 || publication != null && denominator < publication.threshold()) {
            node.putNull("value").putNull("low").putNull("high");
            if (denominator > 0) {
                withheld.add(path + ".value");
            }
            return;
        }
        double effect = publication == null ? deff : deff + protectionEffect(numerator, denominator,
                numeratorCount, denominatorCount);
        double[] interval = Stats.wilson(numerator / effect, denominator / effect);
        node.put("value", Stats.round((double) numerator / denominator));
        node.put("low", Stats.round(interval[0]));
        node.put("high", Stats.round(interval[1]));
    }

    /**
     * The protection's variance of the published rate r = a ÷ n over the binomial variance p̃(1 − p̃) ÷ n, to be
     * added to the design effect (docs/statistics.md, "Intervals that include the protection"). By the delta
     * method: with n = a + b (parts) the rate moves by ((1 − r)·δa − r·δb) ÷ n; with a and n perturbed
     * independently, by (δa − r·δn) ÷ n. p̃ is the Wilson centre, so a rate of 0 or 1 still gets a width.
     */
    private double protectionEffect(long a, long n, Count numerator, Count denominator) {
        double r = (double) a / n;
        double variance;
        if (denominator.parts().size() == 2 && denominator.parts().get(0).equals(numerator)) {
            double other = publication.variance(denominator.parts().get(1));
            variance = ((1 - r) * (1 - r) * publication.variance(numerator) + r * r * other) / ((double) n * n);
        } else {
            variance = (publication.variance(numerator) + r * r * publication.variance(denominator)) / ((double) n * n);
        }
        double z2 = Stats.Z95 * Stats.Z95;
        double centre = (a + z2 / 2) / (n + z2);
        return variance / (centre * (1 - centre) / n);
    }
}
