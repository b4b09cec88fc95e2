package se.tidigt.gateway.security;

import org.springframework.stereotype.Component;
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

    Optional<String> districtOfCase(String caseId) {
        return cases.districtOf(caseId);
    }
}
