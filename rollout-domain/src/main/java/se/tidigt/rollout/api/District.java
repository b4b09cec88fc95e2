package se.tidigt.rollout.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A district administration with its validity period (inclusive; null = open-ended) and the
 * districts it was formed from.
 */
public record District(String code, String name, LocalDate validFrom, LocalDate validTo, List<String> predecessors) {

    public District {
        predecessors = predecessors == null ? List.of() : List.copyOf(predecessors);
    }

    public boolean isValidOn(LocalDate date) {
        return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || !date.isAfter(validTo));
    }
}
