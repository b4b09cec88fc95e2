package se.tidigt.cases.api;

import java.time.Instant;

/** Every case event says which case, in which district it happened, and when (business time). */
public interface CaseEvent {
    String caseId();

    String district();

    Instant occurredAt();
}
