package se.tidigt.cases.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The case's personal details were erased: its key was destroyed, so its sealed free text can no
 * longer be read, and the read side cuts the pseudonym link to the child's other cases. Who did it is
 * in the event's metadata, like every actor. The earlier events are kept as they were.
 */
@Revision("1")
public record PersonalDataErased(String caseId, String district, Instant occurredAt, ErasureGround ground)
        implements CaseEvent {
}
