package se.tidigt.query.caseview;

import java.time.LocalDate;

/** A legal deadline of a case: what is due and by which date (Europe/Stockholm). */
public record Deadline(Kind kind, LocalDate dueDate) {
    public enum Kind {
        /** Skyddsbedömning, the same or the next day (SoL 11:1a). */
        PROTECTION_ASSESSMENT,
        /** Förhandsbedömning, within 14 days (SoL 11:1a). */
        INITIAL_ASSESSMENT,
        /** Utredning, within four months or the extended date (SoL 11:2). */
        INVESTIGATION
    }

    public boolean isOverdueOn(LocalDate today) {
        return dueDate.isBefore(today);
    }
}
