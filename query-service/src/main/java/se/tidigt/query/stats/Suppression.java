package se.tidigt.query.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Statistical disclosure control for city-level readers: every count from 1 to threshold − 1 is
 * withheld, and so is every rate, interval or time built on fewer than threshold cases (its
 * {@code denominator} or {@code n}). Withheld cells become null and are listed by path, with
 * {@code "suppressed": true} on the row. Zero is shown: it discloses no person.
 */
public final class Suppression {
    private static final List<String> BASES = List.of("denominator", "n");

    private final int threshold;

    public Suppression(int threshold) {
        this.threshold = threshold;
    }

    public ObjectNode apply(ObjectNode row) {
        ObjectNode copy = row.deepCopy();
        List<String> withheld = new ArrayList<>();
        walk(copy, "", withheld);
        copy.put("suppressed", !withheld.isEmpty());
        ArrayNode fields = copy.putArray("suppressedFields");
        withheld.forEach(fields::add);
        return copy;
    }

    private void walk(ObjectNode node, String path, List<String> withheld) {
        boolean smallBase = BASES.stream().anyMatch(base -> node.has(base) && node.get(base).asLong() < threshold);
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        List<String> toNull = new ArrayList<>();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject() && !field.getKey().equals("group")) {
                walk((ObjectNode) value, at, withheld);
            } else if (value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    if (value.get(i).isObject()) {
                        walk((ObjectNode) value.get(i), at + "[" + i + "]", withheld);
                    }
                }
            } else if (value.isIntegralNumber() && value.asLong() > 0 && value.asLong() < threshold) {
                toNull.add(field.getKey());
                withheld.add(at);
            } else if (smallBase && value.isFloatingPointNumber()) {
                toNull.add(field.getKey());
                withheld.add(at);
            }
        }
        toNull.forEach(name -> node.set(name, JsonNodeFactory.instance.nullNode()));
    }
}
