package se.tidigt.query.stats;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A distribution of ages in whole years, with the shares under 10 and aged 13 to 17. */
final class Ages {
    private Ages() {
    }

    static ObjectNode of(List<Integer> ages) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("n", ages.size());
        Map<Integer, Long> byYear = new TreeMap<>();
        ages.forEach(age -> byYear.merge(age, 1L, Long::sum));
        ObjectNode years = node.putObject("byYear");
        byYear.forEach((age, n) -> years.put(String.valueOf(age), n));
        node.set("shareUnder10", Rate.of(ages.stream().filter(a -> a < 10).count(), ages.size()));
        node.set("share13to17", Rate.of(ages.stream().filter(a -> a >= 13 && a <= 17).count(), ages.size()));
        return node;
    }
}
