package se.tidigt.rollout.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** A work model was defined. */
@Revision("1")
public record WorkModelDefined(String code, String name, List<String> principles, Instant occurredAt) {
}
