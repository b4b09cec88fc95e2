package se.tidigt.query.stats;

import java.util.List;
import java.util.Map;

/**
 * A count of records and the sum of their record keys (modulo 2³²): what the cell-key method needs
 * to give the same set of records the same noise wherever it is counted. A count made of parts (the
 * answered offers as accepted plus declined) is protected part by part, so a total and its parts
 * never disagree with each other.
 */
public record Count(long n, long key, List<Count> parts) implements Figure {
    public static final long KEY_SPACE = 1L << 32;

    public static Count of(long n, long key) {
        return new Count(n, Math.floorMod(key, KEY_SPACE), List.of());
    }

    public static Count sum(Count... parts) {
        long n = 0;
        long key = 0;
        for (Count part : parts) {
            n += part.n();
            key += part.key();
        }
        return new Count(n, Math.floorMod(key, KEY_SPACE), List.of(parts));
    }

    @Override
    public Map<String, Count> counts() {
        return Map.of("", this);
    }

    /** The records of both counts; a count of parts stays one of the same parts. */
    @Override
    public Count plus(Figure other) {
        Count b = (Count) other;
        if (parts.isEmpty() || parts.size() != b.parts().size()) {
            return Count.of(n + b.n(), key + b.key());
        }
        Count[] sum = new Count[parts.size()];
        for (int i = 0; i < sum.length; i++) {
            sum[i] = parts.get(i).plus(b.parts().get(i));
        }
        return Count.sum(sum);
    }
}
