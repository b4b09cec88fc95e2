package se.tidigt.query.stats;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A share: numerator ÷ denominator with its 95 % Wilson interval. Built from counts; the value and
 * the interval are worked out by {@link Resolution} from the counts the reader gets (exact or
 * protected), so a rate never reveals more than its counts.
 */
final class Rate {
    private Rate() {
    }

    static ObjectNode of(Count numerator, Count denominator) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.putNull("value");
        node.set("numerator", Tally.node(numerator));
        node.set("denominator", Tally.node(denominator));
        node.putNull("low");
        node.putNull("high");
        return node;
    }
}
