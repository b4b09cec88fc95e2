package se.tidigt.cases.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The legal deadlines of a case, as dates in Stockholm. Shared by the aggregate (an investigation's
 * due date is part of its event) and the read side (the district's worklist, breach statistics).
 */
public final class Deadlines {
    public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    /**
     * The Social Services Act (SoL, 2001:453), whose deadlines these are, took effect on 2002-01-01;
     * no concern, step or count dated earlier is one Tidigt records.
     */
    public static final LocalDate SOL_IN_FORCE = LocalDate.of(2002, 1, 1);

    private Deadlines() {
    }

    /** Whether a business time lies before anything Tidigt records ({@link #SOL_IN_FORCE}). */
    public static boolean beforeRecordedTime(Instant instant) {
        return instant.isBefore(SOL_IN_FORCE.atStartOfDay(ZONE).toInstant());
    }

    public static LocalDate localDate(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** SoL 11:1a: the protection assessment is made at once, at the latest the day after the concern. */
    public static LocalDate protectionAssessmentDue(Instant concernReceivedAt) {
        return localDate(concernReceivedAt).plusDays(1);
    }

    /** SoL 11:1a: the initial assessment within 14 days of the concern. */
    public static LocalDate initialAssessmentDue(Instant concernReceivedAt) {
        return localDate(concernReceivedAt).plusDays(14);
    }

    /** SoL 11:2: the investigation within four months of its opening, unless extended for special reasons. */
    public static LocalDate investigationDue(Instant openedAt) {
        return localDate(openedAt).plusMonths(4);
    }
}
