package se.tidigt.query.stats;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** A distribution of ages in whole years, with the shares under 10 and aged 13 to 17, counted case by case. */
final class Ages {
    private Ages() {
    }

    static ObjectNode of(Tally tally, List<CaseFact> cases, Function<CaseFact, Integer> age) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        Count n = tally.cases(cases.stream());
        node.set("n", Tally.node(n));
        Map<Integer, List<CaseFact>> byYear = new TreeMap<>();
        cases.forEach(c -> byYear.computeIfAbsent(age.apply(c), a -> new java.util.ArrayList<>()).add(c));
        Map<String, Count> years = new java.util.LinkedHashMap<>();
        byYear.forEach((year, ofYear) -> years.put(String.valueOf(year), tally.cases(ofYear.stream())));
        node.set("byYear", Tally.node(new ValueKeyed(years)));
        node.set("shareUnder10", Tally.node(Share.of(tally.cases(cases.stream().filter(c -> age.apply(c) < 10)), n)));
        node.set("share13to17", Tally.node(Share.of(tally.cases(cases.stream().filter(c -> age.apply(c) >= 13 && age.apply(c) <= 17)), n)));
        return node;
    }
}
