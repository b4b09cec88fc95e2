package se.tidigt.gateway.security;

/**
 * Who is acting: the user id, their role and, for district roles, their district. Every event's
 * metadata records it. Demo users and (later) JWT claims are both turned into an Actor.
 */
public record Actor(String userId, Role role, String district) {

    public boolean isDistrictUserOf(String districtCode) {
        return role.isDistrictBound() && district.equals(districtCode);
    }
}
