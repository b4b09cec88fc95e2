package se.tidigt.rollout.api;

import java.time.Instant;
import java.util.List;

/** A work model was defined. */
public record WorkModelDefined(String code, String name, List<String> principles, Instant occurredAt) {
}
