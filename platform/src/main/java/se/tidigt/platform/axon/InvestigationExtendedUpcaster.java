package se.tidigt.platform.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import se.tidigt.cases.api.InvestigationExtended;

/**
 * {@link InvestigationExtended} without a revision (the first shape) to revision 2. The first shape had
 * two fields for the reason: {@code reason}, in clear, used before reasons were sealed, and
 * {@code sealedReason}, used since. Revision 2 has {@code sealedReason} only: an event of the first shape
 * is read with its clear reason there (the case's texts pass text that is not sealed through as it is, and
 * read it as erased once the case's key is gone). The stored bytes are never rewritten: the audit chain
 * vouches for them as they were written.
 */
final class InvestigationExtendedUpcaster extends SingleEventUpcaster {
    private static final SimpleSerializedType FIRST_SHAPE =
            new SimpleSerializedType(StoredEventTypes.nameOf(InvestigationExtended.class), null);
    private static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(StoredEventTypes.nameOf(InvestigationExtended.class), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return FIRST_SHAPE.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, InvestigationExtendedUpcaster::reasonSealedOrNot);
    }

    static JsonNode reasonSealedOrNot(JsonNode payload) {
        ObjectNode event = ((ObjectNode) payload).deepCopy();
        JsonNode inClear = event.remove("reason");
        JsonNode sealed = event.get("sealedReason");
        if ((sealed == null || sealed.isNull()) && inClear != null) {
            event.set("sealedReason", inClear);
        }
        return event;
    }
}
