package se.tidigt.rollout.api;

import java.util.List;

/** A way of working with children's cases: a code, a name and the principles that define it. */
public record WorkModel(String code, String name, List<String> principles) {
    public WorkModel {
        principles = principles == null ? List.of() : List.copyOf(principles);
    }
}
