package se.tidigt.query.stats;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts keyed by values found in the records (an age, a partner, a kind of support): for a protected reader
 * an entry published as 0 is left out, or its key alone would say that such a record exists.
 */
record ValueKeyed(Map<String, Count> byValue) implements Figure {
    ValueKeyed {
        byValue = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byValue));
    }

    @Override
    public Map<String, Count> counts() {
        return byValue;
    }

    @Override
    public ValueKeyed plus(Figure other) {
        Map<String, Count> sum = new LinkedHashMap<>(byValue);
        ((ValueKeyed) other).byValue.forEach((value, count) -> sum.merge(value, count, Count::plus));
        return new ValueKeyed(sum);
    }
}
