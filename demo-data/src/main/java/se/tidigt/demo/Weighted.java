package se.tidigt.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A choice among values with weights, drawn from the generator's seeded random. */
final class Weighted<T> {
    private final List<T> values = new ArrayList<>();
    private final List<Double> cumulative = new ArrayList<>();
    private double total;

    Weighted<T> add(T value, double weight) {
        total += weight;
        values.add(value);
        cumulative.add(total);
        return this;
    }

    T pick(Random random) {
        double roll = random.nextDouble() * total;
        for (int i = 0; i < values.size(); i++) {
            if (roll < cumulative.get(i)) {
                return values.get(i);
            }
        }
        return values.get(values.size() - 1);
    }
}
