package se.tidigt.cases;

import se.tidigt.cases.api.Deadlines;
import se.tidigt.cases.api.DistrictCalendar;
import se.tidigt.cases.api.InvalidCaseInput;
import se.tidigt.cases.api.RaiseConcern;

import java.time.Instant;

/** What a concern must say to open a case. */
final class ConcernIntakeRules {
    private ConcernIntakeRules() {
    }

    static void check(RaiseConcern command, DistrictCalendar calendar, Instant now) {
        CaseIds.check(command.caseId());
        Rules.require(command.receivedAt(), "receivedAt");
        if (command.receivedAt().isAfter(now)) {
            throw new InvalidCaseInput("receivedAt", "must not lie in the future");
        }
        if (Deadlines.beforeRecordedTime(command.receivedAt())) {
            throw new InvalidCaseInput("receivedAt", "must not lie before " + Deadlines.SOL_IN_FORCE
                    + ", when the Social Services Act (2001:453) took effect");
        }
        Rules.checkDistrict(calendar, "district", command.district(), command.receivedAt());
        Rules.require(command.reporter(), "reporter");
        if (command.concerns() == null || command.concerns().isEmpty()) {
            throw new InvalidCaseInput("concerns", "must name at least one concern");
        }
        Rules.require(command.child(), "child");
        Rules.require(command.workModel(), "workModel");
    }
}
