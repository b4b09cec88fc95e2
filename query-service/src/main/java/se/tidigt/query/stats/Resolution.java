package se.tidigt.query.stats;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The output rules: turns a tree of {@link Figure}s into what a reader may see. Every figure is published by
 * its type, whatever it is called: every {@link Count} becomes the count the reader gets (exact, or as
 * {@link Publication} publishes it), every {@link Guarded} read value is shown or withheld, every
 * {@link Share}'s value and interval is worked out from the counts just shown (with the protection's variance
 * for a protected reader), or, where its denominator is large enough that whole points reveal no count, from its
 * exact records in steps of whole points ({@link Publication#rateStep}). The published forms ({@link PublishedCount}, {@link PublishedRate},
 * {@link PublishedValue}) can be made only here. A tree holding anything but figures is refused, so no number
 * reaches a reader without these rules. Withheld values are null and listed by path.
 */
final class Resolution {
    private static final JsonMapper JSON = JsonMapper.builder().build();

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

    /** The figures as the reader sees them. */
    ObjectNode resolve(ObjectNode tree) {
        if (publication != null) {
            define(tree, before, whole);
            rules(tree);
            publication.settle();
        }
        return publish(tree, "");
    }

    /** Every count of the window fixed, with the same figure's count over the series before the window and over all of it. */
    private void define(JsonNode node, JsonNode beforeNode, JsonNode wholeNode) {
        node.fields().forEachRemaining(field -> {
            String name = field.getKey();
            JsonNode b = beforeNode == null ? null : beforeNode.get(name);
            JsonNode w = wholeNode == null ? null : wholeNode.get(name);
            Figure figure = figure(field.getValue());
            if (figure != null) {
                Map<String, Count> earlier = figure(b) == null ? Map.of() : figure(b).counts();
                Map<String, Count> all = figure(w) == null ? Map.of() : figure(w).counts();
                figure.counts().forEach((part, count) -> publication.define(count, earlier.get(part), all.get(part)));
            } else if (field.getValue().isObject()) {
                define(field.getValue(), b, w);
            }
        });
    }

    /** The consistency rules each figure's type carries: the funnel's, every numerator within its denominator. */
    private void rules(JsonNode node) {
        node.forEach(child -> {
            Figure figure = figure(child);
            if (figure instanceof Funnel funnel) {
                funnel.rules(publication);
            } else if (figure instanceof Placements placements) {
                placements.rules(publication);
            } else if (figure instanceof Share share) {
                publication.partOf(share.numerator(), share.denominator());
            } else if (figure == null && child.isObject()) {
                rules(child);
            }
        });
    }

    private static Figure figure(JsonNode node) {
        return node instanceof POJONode pojo && pojo.getPojo() instanceof Figure figure ? figure : null;
    }

    private ObjectNode publish(ObjectNode node, String path) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        node.fields().forEachRemaining(field -> {
            String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            Figure figure = figure(field.getValue());
            if (figure != null) {
                out.set(field.getKey(), JSON.valueToTree(published(figure, at)));
            } else if (field.getValue().isObject()) {
                out.set(field.getKey(), publish((ObjectNode) field.getValue(), at));
            } else {
                throw new IllegalStateException("Not a figure, so not published: " + at);
            }
        });
        return out;
    }

    private Object published(Figure figure, String path) {
        if (figure instanceof Count count) {
            return count(count);
        } else if (figure instanceof Guarded guarded) {
            return value(guarded, path);
        } else if (figure instanceof Share share) {
            return rate(share, path);
        } else if (figure instanceof Placements placements) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("placements", count(placements.placements()));
            out.put("compulsory", count(placements.compulsory()));
            out.put("placementDays", count(placements.placementDays()));
            out.put("placedWithin24Months", rate(placements.placedWithin24Months(), path + ".placedWithin24Months"));
            return out;
        } else if (figure instanceof Funnel funnel) {
            return counts(funnel.counts(), false);
        }
        return counts(((ValueKeyed) figure).counts(), true);
    }

    private PublishedCount count(Count count) {
        return new PublishedCount(publication == null ? count.n() : publication.count(count));
    }

    /** Counts by name; {@code byValue}: an entry a protected reader gets as 0 is left out (its key would reveal a record). */
    private Map<String, PublishedCount> counts(Map<String, Count> counts, boolean byValue) {
        Map<String, PublishedCount> out = new LinkedHashMap<>();
        counts.forEach((name, count) -> {
            PublishedCount shown = count(count);
            if (!(byValue && publication != null && shown.value() == 0)) {
                out.put(name, shown);
            }
        });
        return out;
    }

    /**
     * A read value: exact for the district; for a protected reader its smoothed or rounded form, when it rests
     * on at least {@link Publication#MIN_RECORDS} records (and its figure's published n says as much) with at
     * least the threshold on each side.
     */
    private PublishedValue value(Guarded guarded, String path) {
        if (guarded.value() == null || publication == null) {
            return new PublishedValue(guarded.value());
        }
        boolean enough = guarded.published() != null && guarded.records() >= Publication.MIN_RECORDS
                && guarded.support() >= publication.threshold()
                && (guarded.n() == null || publication.count(guarded.n()) >= Publication.MIN_RECORDS);
        if (!enough) {
            withheld.add(path);
        }
        return new PublishedValue(enough ? guarded.published() : null);
    }

    private PublishedRate rate(Share share, String path) {
        long numerator = count(share.numerator()).value();
        long denominator = count(share.denominator()).value();
        Map<String, Object> besides = new LinkedHashMap<>();
        if (share.designEffect() != null) {
            besides.put("designEffect", value(share.designEffect(), path + ".designEffect"));
            besides.put("clusteredBy", "case");
        }
        if (share.leftOut() != null) {
            besides.put(share.leftOutName(), count(share.leftOut()));
        }
        if (denominator == 0 || publication != null && denominator < publication.threshold()) {
            if (denominator > 0) {
                withheld.add(path + ".value");
            }
            return new PublishedRate(null, numerator, denominator, null, null, besides);
        }
        Guarded designEffect = share.designEffect();
        double deff = designEffect == null || designEffect.value() == null ? 1.0 : designEffect.value();
        int step = publication == null ? 0 : publication.rateStep(numerator, denominator);
        if (step > 0) {
            // Estimated on the exact records, published in steps of whole points with its interval rounded outwards.
            long a = share.numerator().n();
            long n = share.denominator().n();
            double[] interval = Stats.wilson(a / deff, n / deff);
            return new PublishedRate(step * Math.round(100.0 * a / n / step) / 100.0, numerator, denominator,
                    step * Math.floor(interval[0] * 100 / step + 1e-9) / 100, step * Math.ceil(interval[1] * 100 / step - 1e-9) / 100,
                    besides);
        }
        double effect = publication == null ? deff : deff + protectionEffect(numerator, denominator,
                share.numerator(), share.denominator());
        double[] interval = Stats.wilson(numerator / effect, denominator / effect);
        return new PublishedRate(Stats.round((double) numerator / denominator), numerator, denominator,
                Stats.round(interval[0]), Stats.round(interval[1]), besides);
    }

    /**
     * The protection's variance of the published rate r = a ÷ n over the binomial variance p̃(1 − p̃) ÷ n, to be
     * added to the design effect (docs/statistics.md, "Rates and intervals"). By the delta method: with n = a + b
     * (parts) the rate moves by ((1 − r)·δa − r·δb) ÷ n; with a and n perturbed independently, by (δa − r·δn) ÷ n.
     * p̃ is the Wilson centre, so a rate of 0 or 1 still gets a width.
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

    /** A count as the reader gets it: made only by the output rules. */
    static final class PublishedCount {
        private final long value;

        private PublishedCount(long value) {
            this.value = value;
        }

        @JsonValue
        long value() {
            return value;
        }
    }

    /** A value read from records (a mean, a median, a design effect) as the reader gets it, or null: withheld. */
    static final class PublishedValue {
        private final Double value;

        private PublishedValue(Double value) {
            this.value = value;
        }

        @JsonValue
        Double value() {
            return value;
        }
    }

    /** A rate as the reader gets it: its value and interval from the counts shown beside it, and what goes with it. */
    @JsonPropertyOrder({"value", "numerator", "denominator", "low", "high"})
    static final class PublishedRate {
        private final Double value;
        private final long numerator;
        private final long denominator;
        private final Double low;
        private final Double high;
        private final Map<String, Object> besides;

        private PublishedRate(Double value, long numerator, long denominator, Double low, Double high,
                              Map<String, Object> besides) {
            this.value = value;
            this.numerator = numerator;
            this.denominator = denominator;
            this.low = low;
            this.high = high;
            this.besides = besides;
        }

        public Double getValue() {
            return value;
        }

        public long getNumerator() {
            return numerator;
        }

        public long getDenominator() {
            return denominator;
        }

        public Double getLow() {
            return low;
        }

        public Double getHigh() {
            return high;
        }

        @JsonAnyGetter
        public Map<String, Object> besides() {
            return besides;
        }
    }
}
