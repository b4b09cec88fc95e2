package se.tidigt.cases.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Set;

/**
 * A concern was raised and a case opened. It records the work model in force when the concern
 * came in, so replaying the case never depends on today's rollout state.
 */
@Revision("1")
public record ConcernRaised(String caseId, String district, Instant occurredAt, String workModel,
                            ReporterCategory reporter, Set<ConcernKind> concerns, Child child) implements CaseEvent {
}
