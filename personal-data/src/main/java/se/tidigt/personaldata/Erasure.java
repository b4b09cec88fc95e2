package se.tidigt.personaldata;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import se.tidigt.cases.api.ErasePersonalData;
import se.tidigt.cases.api.ErasureGround;

import java.util.Map;

/**
 * Crypto-shredding: in one transaction the case's key is destroyed and the erasure is recorded as an
 * event (with its actor, as every event). No event is rewritten or deleted, so the history still
 * counts and its hash chain over the stored bytes still verifies; only the sealed text can no longer
 * be opened, and the read side cuts the child's pseudonym link.
 */
@Component
public class Erasure {
    private final CaseKeys keys;
    private final CommandGateway commands;
    private final EventStore events;
    private final TransactionTemplate transaction;

    Erasure(CaseKeys keys, CommandGateway commands, EventStore events, TransactionTemplate transaction) {
        this.keys = keys;
        this.commands = commands;
        this.events = events;
        this.transaction = transaction;
    }

    /** Erases for the current request's actor; the case's new version. */
    public long erase(String caseId, ErasureGround ground) {
        return erase(caseId, ground, Map.of());
    }

    /** Erases with the given actor metadata (for a scheduled job, which has no request). */
    long erase(String caseId, ErasureGround ground, Map<String, ?> actor) {
        return transaction.execute(status -> {
            keys.destroy(caseId, ground);
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new ErasePersonalData(caseId, ground))
                    .andMetaData(MetaData.from(actor)));
            return events.lastSequenceNumberFor(caseId).map(sequence -> sequence + 1).orElseThrow();
        });
    }
}
