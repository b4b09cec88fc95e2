package se.tidigt.gateway.cases;

import org.springframework.stereotype.Component;
import se.tidigt.gateway.problem.ApiProblem;
import se.tidigt.gateway.security.Actor;
import se.tidigt.gateway.security.CurrentActor;
import se.tidigt.query.caseview.CaseView;
import se.tidigt.query.caseview.CaseViews;
import se.tidigt.rollout.api.DistrictCatalogue;

/**
 * A district user reads and writes only their own district's cases. A district of the past counts
 * as its successor's (a Järva user may import a Rinkeby-Kista case of 2022).
 */
@Component
class DistrictAccess {
    private final DistrictCatalogue districts;
    private final CaseViews cases;

    DistrictAccess(DistrictCatalogue districts, CaseViews cases) {
        this.districts = districts;
        this.cases = cases;
    }

    void requireOwnDistrict(String district) {
        if (districts.find(district).isEmpty()) {
            throw ApiProblem.notFound("District " + district);
        }
        Actor actor = CurrentActor.get();
        if (!actor.role().isDistrictBound() || !actor.district().equals(districts.currentSuccessorOf(district))) {
            throw ApiProblem.forbidden("Only users of district " + district + " may do this.");
        }
    }

    CaseView requireCaseOfOwnDistrict(String caseId) {
        CaseView view = cases.find(caseId).orElseThrow(() -> ApiProblem.notFound("Case " + caseId));
        requireOwnDistrict(view.district);
        return view;
    }

    /** The check before a write: only the case's district is read, not its whole view. */
    void requireWritableCase(String caseId) {
        requireOwnDistrict(cases.districtOf(caseId).orElseThrow(() -> ApiProblem.notFound("Case " + caseId)));
    }
}
