package se.tidigt.gateway.security;

import org.springframework.security.oauth2.core.ClaimAccessor;
import se.tidigt.platform.actor.Actor;
import se.tidigt.platform.actor.Role;
import se.tidigt.platform.actor.Roles;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one reading of the identity provider's claims as an {@link Actor}, for the API's bearer tokens
 * ({@link TokenActors}) and the dashboard's OIDC sign-in (its ID token) alike: the user id is
 * {@code preferred_username} (else {@code sub}), the role comes from a {@code roles} claim or Keycloak's
 * {@code realm_access.roles}, the district from {@code district}. Roles other than Tidigt's (Keycloak
 * adds {@code offline_access} and the like) are ignored. The claims must name exactly one Tidigt role (a
 * district's admin or supervisor may also be listed under the lower district roles); anything else becomes an actor without a role,
 * whom every rule refuses with 403, as it does a district role without a known district ({@link AccessRules}).
 */
public final class IdentityClaims {
    private IdentityClaims() {
    }

    public static Actor actorOf(ClaimAccessor claims) {
        String user = claims.getClaimAsString("preferred_username");
        if (user == null || user.isBlank()) {
            user = claims.getClaimAsString("sub");
        }
        return new Actor(user, roleOf(claims).orElse(null), blankToNull(claims.getClaimAsString("district")));
    }

    private static Optional<Role> roleOf(ClaimAccessor claims) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : roleNames(claims)) {
            for (Role role : Role.values()) {
                if (role.name().equals(name)) {
                    roles.add(role);
                }
            }
        }
        // A district user may be listed under the lower district roles too: the highest counts.
        if (roles.contains(Role.DISTRICT_ADMIN)) {
            roles.remove(Role.DISTRICT_SUPERVISOR);
        }
        if (roles.contains(Role.DISTRICT_ADMIN) || roles.contains(Role.DISTRICT_SUPERVISOR)) {
            roles.remove(Role.DISTRICT_WORKER);
        }
        return roles.size() == 1 ? Optional.of(roles.iterator().next()) : Optional.empty();
    }

    private static List<String> roleNames(ClaimAccessor claims) {
        List<String> names = new ArrayList<>(strings(claims.getClaims().get("roles")));
        if (claims.getClaims().get("realm_access") instanceof Map<?, ?> realmAccess) {
            names.addAll(strings(realmAccess.get("roles")));
        }
        return names;
    }

    private static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return claim instanceof String value ? List.of(value.split("[ ,]+")) : List.of();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
