package se.tidigt.query.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a tree of figures into what a reader may see: every {@link Count} becomes the count the
 * reader gets (exact, or protected), then every read value ({@link Guarded}) is shown or withheld,
 * then every rate's value and Wilson interval is worked out from the counts just shown, never from
 * the raw ones. Withheld values are null and listed by path.
 */
final class Resolution {
    /** The count a reader gets for the count at a path. */
    interface Counter {
        long count(String path, Count count);
    }

    /**
     * Objects whose keys are values found in the records (an age, a partner, a kind of support): for a
     * protected reader an entry published as 0 is left out, or its key alone would say that such a
     * record exists.
     */
    private static final java.util.Set<String> KEYED_BY_VALUE = java.util.Set.of("byYear", "collaborationsByPartner",
            "openAccessSupport");

    private final Counter counter;
    private final int threshold;
    private final List<String> withheld = new ArrayList<>();

    /** {@code threshold} 0: the reader sees everything exactly (their own district). */
    Resolution(Counter counter, int threshold) {
        this.counter = counter;
        this.threshold = threshold;
    }

    List<String> withheld() {
        return withheld;
    }

    ObjectNode resolve(ObjectNode tree) {
        walk(tree, "");
        return tree;
    }

    private void walk(ObjectNode node, String path) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        node.fields().forEachRemaining(fields::add);
        boolean keyedByValue = KEYED_BY_VALUE.contains(path.substring(path.lastIndexOf('.') + 1));
        for (Map.Entry<String, JsonNode> field : fields) {
            String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            JsonNode value = field.getValue();
            if (value instanceof POJONode pojo && pojo.getPojo() instanceof Count count) {
                long shown = counter.count(at, count);
                if (threshold > 0 && keyedByValue && shown == 0) {
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
                boolean shown = threshold == 0 || guarded.value() == null
                        || guarded.support() >= threshold && (!node.has("n") || node.get("n").asLong() >= threshold);
                node.put(field.getKey(), shown ? guarded.value() : null);
                if (!shown) {
                    withheld.add(path.isEmpty() ? field.getKey() : path + "." + field.getKey());
                }
            }
        }
        if (node.has("numerator") && node.has("denominator")) {
            rate(node, path);
        }
    }

    private void rate(ObjectNode node, String path) {
        long numerator = node.get("numerator").asLong();
        long denominator = node.get("denominator").asLong();
        if (denominator == 0 || threshold > 0 && denominator < threshold) {
            node.putNull("value").putNull("low").putNull("high");
            if (denominator > 0) {
                withheld.add(path + ".value");
            }
            return;
        }
        JsonNode effect = node.get("designEffect");
        double deff = effect == null || effect.isNull() ? 1.0 : effect.asDouble();
        double[] interval = Stats.wilson(numerator / deff, denominator / deff);
        node.put("value", Stats.round((double) numerator / denominator));
        node.put("low", Stats.round(interval[0]));
        node.put("high", Stats.round(interval[1]));
    }
}
