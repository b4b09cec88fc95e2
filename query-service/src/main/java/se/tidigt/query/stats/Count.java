package se.tidigt.query.stats;

import java.util.List;

/**
 * A count of records and the sum of their record keys (modulo 2³²): what the cell-key method needs
 * to give the same set of records the same noise wherever it is counted. A count made of parts (the
 * answered offers as accepted plus declined) is protected part by part, so a total and its parts
 * never disagree with each other.
 */
public record Count(long n, long key, List<Count> parts) {
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
}
