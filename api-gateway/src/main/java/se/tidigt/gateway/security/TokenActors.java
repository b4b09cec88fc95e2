package se.tidigt.gateway.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a verified JWT into the {@link Actor} of the request: the user id is {@code preferred_username}
 * (else {@code sub}), the role comes from a {@code roles} claim or Keycloak's {@code realm_access.roles},
 * the district from {@code district}. Roles other than Tidigt's (Keycloak adds {@code offline_access}
 * and the like) are ignored. A token must name exactly one Tidigt role (an admin of a district may also
 * be listed as its worker); anything else becomes an actor without a role, whom every rule refuses
 * with 403, as it does a district role without a known district ({@link AccessRules}).
 */
final class TokenActors implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String user = jwt.getClaimAsString("preferred_username");
        if (user == null || user.isBlank()) {
            user = jwt.getSubject();
        }
        Actor actor = new Actor(user, roleOf(jwt).orElse(null), blankToNull(jwt.getClaimAsString("district")));
        return new ActorToken(new ActorPrincipal(actor, null), jwt);
    }

    static java.util.Optional<Role> roleOf(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : roleNames(jwt)) {
            for (Role role : Role.values()) {
                if (role.name().equals(name)) {
                    roles.add(role);
                }
            }
        }
        if (roles.contains(Role.DISTRICT_ADMIN)) {
            roles.remove(Role.DISTRICT_WORKER);
        }
        return roles.size() == 1 ? java.util.Optional.of(roles.iterator().next()) : java.util.Optional.empty();
    }

    private static List<String> roleNames(Jwt jwt) {
        List<String> names = new ArrayList<>(strings(jwt.getClaims().get("roles")));
        if (jwt.getClaims().get("realm_access") instanceof Map<?, ?> realmAccess) {
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
