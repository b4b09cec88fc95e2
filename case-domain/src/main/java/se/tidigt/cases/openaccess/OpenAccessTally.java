package se.tidigt.cases.openaccess;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import se.tidigt.cases.api.Deadlines;
import se.tidigt.cases.api.DistrictCalendar;
import se.tidigt.cases.api.InvalidCaseInput;
import se.tidigt.cases.api.OpenAccessSupportRecorded;
import se.tidigt.cases.api.RecordOpenAccessSupport;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The count of open-access support of one kind, in one district, in one month. */
public class OpenAccessTally {
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    @AggregateIdentifier
    private String tallyId;

    OpenAccessTally() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordOpenAccessSupport command, DistrictCalendar calendar) {
        if (command.count() < 1) {
            throw new InvalidCaseInput("count", "must be at least 1");
        }
        YearMonth thisMonth = YearMonth.from(GenericEventMessage.clock.instant().atZone(STOCKHOLM));
        if (command.month().isAfter(thisMonth)) {
            throw new InvalidCaseInput("month", "must not lie in the future");
        }
        if (command.month().isBefore(YearMonth.from(Deadlines.SOL_IN_FORCE))) {
            throw new InvalidCaseInput("month", "must not lie before " + YearMonth.from(Deadlines.SOL_IN_FORCE)
                    + ", when the Social Services Act (2001:453) took effect");
        }
        LocalDate first = command.month().atDay(1);
        LocalDate last = command.month().atEndOfMonth();
        if (!calendar.isValidOn(command.district(), first) && !calendar.isValidOn(command.district(), last)) {
            throw new InvalidCaseInput("month", "district " + command.district() + " did not exist in " + command.month());
        }
        apply(new OpenAccessSupportRecorded(command.tallyId(), command.district(), command.month(), command.kind(),
                command.count(), GenericEventMessage.clock.instant()));
    }

    @EventSourcingHandler
    void on(OpenAccessSupportRecorded event) {
        tallyId = event.tallyId();
    }
}
