package se.tidigt.gateway.security;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import se.tidigt.platform.actor.Actor;
import se.tidigt.query.caseview.CaseViews;
import se.tidigt.rollout.api.DistrictCatalogue;

import java.util.Optional;

/**
 * Which district an actor may act for. A district of the past counts as its successor's (a Järva
 * user may import a Rinkeby-Kista case of 2022). A district role is valid only with one of today's
 * districts: a token that names none, or one that no longer exists, may do nothing.
 */
@Component
public class DistrictScope {
    private static final String DISTRICT_OF_CASE = DistrictScope.class.getName() + ".districtOfCase:";

    private final DistrictCatalogue districts;
    private final CaseViews cases;

    DistrictScope(DistrictCatalogue districts, CaseViews cases) {
        this.districts = districts;
        this.cases = cases;
    }

    /** A role, and for a district role one of today's districts. */
    boolean isComplete(Actor actor) {
        if (actor.role() == null) {
            return false;
        }
        if (!actor.role().isDistrictBound()) {
            return true;
        }
        return actor.district() != null && districts.find(actor.district()).isPresent()
                && districts.currentSuccessorOf(actor.district()).equals(actor.district());
    }

    public boolean isKnown(String district) {
        return districts.find(district).isPresent();
    }

    /** True when the actor is a user of this (known) district or of its successor today. */
    public boolean isOwn(Actor actor, String district) {
        return actor.role() != null && actor.role().isDistrictBound() && actor.district() != null
                && actor.district().equals(districts.currentSuccessorOf(district));
    }

    /**
     * The district a case belongs to, read once per HTTP request: the security chain's rule and the
     * controller's second line both ask, and a second query would cost a round trip per write.
     * Within one request the answer cannot change before the write itself, which is checked by the case.
     */
    public Optional<String> districtOfCase(String caseId) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null || caseId == null) {
            return cases.districtOf(caseId);
        }
        String key = DISTRICT_OF_CASE + caseId;
        @SuppressWarnings("unchecked")
        Optional<String> known = (Optional<String>) request.getAttribute(key, RequestAttributes.SCOPE_REQUEST);
        if (known == null) {
            known = cases.districtOf(caseId);
            request.setAttribute(key, known, RequestAttributes.SCOPE_REQUEST);
        }
        return known;
    }
}
