package se.tidigt.cases.delegation;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import se.tidigt.cases.api.ChangeDelegation;
import se.tidigt.cases.api.Deadlines;
import se.tidigt.cases.api.DelegationChanged;
import se.tidigt.cases.api.DistrictCalendar;
import se.tidigt.cases.api.InvalidCaseInput;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A district's delegation order through time. Each change is in force from a date that is not yet past, so
 * decisions already taken keep the order they were taken under; the stream is the history.
 */
public class DistrictDelegation {
    @AggregateIdentifier
    private String delegationId;

    DistrictDelegation() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ChangeDelegation command, DistrictCalendar calendar) {
        Instant now = GenericEventMessage.clock.instant();
        if (command.effectiveFrom() == null) {
            throw new InvalidCaseInput("effectiveFrom", "is required");
        }
        if (command.effectiveFrom().isBefore(Deadlines.localDate(now))) {
            throw new InvalidCaseInput("effectiveFrom", "must not lie in the past: decisions already taken keep their order");
        }
        if (command.delegation() == null || !command.delegation().isComplete()) {
            throw new InvalidCaseInput("levels", "must name the lowest rank for every decision kind");
        }
        if (!calendar.isValidOn(command.district(), command.effectiveFrom())) {
            throw new InvalidCaseInput("effectiveFrom", "district " + command.district() + " is not valid on "
                    + command.effectiveFrom());
        }
        apply(new DelegationChanged(command.delegationId(), command.district(), command.effectiveFrom(),
                command.delegation(), now));
    }

    @EventSourcingHandler
    void on(DelegationChanged event) {
        delegationId = event.delegationId();
    }
}
