package se.tidigt.platform.actor;

/** What a user may do; district roles are bound to one district. */
public enum Role {
    DISTRICT_ADMIN(true),
    DISTRICT_WORKER(true),
    CITY_ANALYST(false),
    AUDITOR(false),
    PLATFORM_ADMIN(false);

    private final boolean districtBound;

    Role(boolean districtBound) {
        this.districtBound = districtBound;
    }

    public boolean isDistrictBound() {
        return districtBound;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
