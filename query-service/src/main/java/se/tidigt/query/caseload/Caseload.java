package se.tidigt.query.caseload;

import org.springframework.stereotype.Service;
import se.tidigt.query.caseview.CaseViews;
import se.tidigt.query.rollout.RolloutViews;

import java.time.Instant;
import java.time.YearMonth;

/** A district's caseload over a range of months, from its case views and its staffing records. */
@Service
public class Caseload {
    private final CaseViews cases;
    private final RolloutViews rollout;

    Caseload(CaseViews cases, RolloutViews rollout) {
        this.cases = cases;
        this.rollout = rollout;
    }

    public CaseloadReport of(String district, YearMonth from, YearMonth to, Instant now) {
        return new CaseloadCount(district, cases.everInDistrict(district), rollout.timelineOf(district)).report(from, to, now);
    }
}
