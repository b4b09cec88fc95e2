package se.tidigt.platform.actor;

import se.tidigt.cases.api.DecisionRank;

/**
 * What a user may do; district roles are bound to one district and stand at a rank of the district's
 * delegation: a worker records steps, a supervisor also decides, an admin also sets the delegation.
 */
public enum Role {
    DISTRICT_ADMIN(DecisionRank.ADMIN),
    DISTRICT_WORKER(DecisionRank.WORKER),
    DISTRICT_SUPERVISOR(DecisionRank.SUPERVISOR),
    CITY_ANALYST(null),
    AUDITOR(null),
    PLATFORM_ADMIN(null);

    private final DecisionRank rank;

    Role(DecisionRank rank) {
        this.rank = rank;
    }

    public boolean isDistrictBound() {
        return rank != null;
    }

    /** The rank under the district's delegation; null for a role outside the districts. */
    public DecisionRank rank() {
        return rank;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
