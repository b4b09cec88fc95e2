package se.tidigt.gateway.cases;

import org.springframework.stereotype.Component;
import se.tidigt.platform.problem.ApiProblem;
import se.tidigt.platform.actor.Actor;
import se.tidigt.platform.actor.CurrentActor;
import se.tidigt.gateway.security.DistrictScope;
import se.tidigt.query.caseview.CaseView;
import se.tidigt.query.caseview.CaseViews;

/**
 * A district user reads and writes only their own district's cases ({@link DistrictScope}). The
 * security chain has decided this before the controller runs; this second line answers 404 for an
 * unknown case or district and guards the NDJSON import, whose lines name their own districts. Another
 * district's case is answered exactly as an unknown one (404), and no refusal names a district that is
 * not the user's own.
 */
@Component
public class DistrictAccess {
    private final DistrictScope scope;
    private final CaseViews cases;

    DistrictAccess(DistrictScope scope, CaseViews cases) {
        this.scope = scope;
        this.cases = cases;
    }

    public void requireOwnDistrict(String district) {
        if (!scope.isKnown(district)) {
            throw ApiProblem.notFound("District " + district);
        }
        Actor actor = CurrentActor.get();
        if (!scope.isOwn(actor, district)) {
            throw ApiProblem.forbidden("Only users of the district named may do this.");
        }
    }

    CaseView requireCaseOfOwnDistrict(String caseId) {
        CaseView view = cases.find(caseId).orElseThrow(() -> ApiProblem.notFound("Case " + caseId));
        requireOwnCase(caseId, view.district());
        return view;
    }

    /** The check before a write: only the case's district, as the security chain already read it for this request. */
    void requireWritableCase(String caseId) {
        requireOwnCase(caseId, scope.districtOfCase(caseId).orElseThrow(() -> ApiProblem.notFound("Case " + caseId)));
    }

    private void requireOwnCase(String caseId, String district) {
        if (!scope.isOwn(CurrentActor.get(), district)) {
            throw ApiProblem.notFound("Case " + caseId);
        }
    }
}
