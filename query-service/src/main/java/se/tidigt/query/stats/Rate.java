package se.tidigt.query.stats;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A share: numerator ÷ denominator, null when there is nothing to divide by. */
final class Rate {
    private Rate() {
    }

    static ObjectNode of(long numerator, long denominator) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("value", denominator == 0 ? null : Stats.round((double) numerator / denominator));
        node.put("numerator", numerator);
        node.put("denominator", denominator);
        return node;
    }

    static ObjectNode withInterval(long numerator, long denominator) {
        ObjectNode node = of(numerator, denominator);
        double[] interval = Stats.wilson(numerator, denominator);
        node.put("low", interval == null ? null : Stats.round(interval[0]));
        node.put("high", interval == null ? null : Stats.round(interval[1]));
        return node;
    }
}
