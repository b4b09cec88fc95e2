package se.tidigt.gateway.security;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import se.tidigt.platform.actor.Actor;
import se.tidigt.platform.actor.ActorPrincipal;
import se.tidigt.platform.actor.Role;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in demo users (README, "A five-minute tour"): a worker, a supervisor and an admin for each district of
 * today, an analyst, an auditor and a platform admin, all with the same password. For the embedded demo only.
 */
public final class DemoUsers implements UserDetailsService {
    private final Map<String, ActorPrincipal> users = new LinkedHashMap<>();

    public DemoUsers(List<String> todaysDistricts, String password, PasswordEncoder encoder) {
        String hash = encoder.encode(password);
        for (String district : todaysDistricts) {
            add(new Actor(userIdFor(district), Role.DISTRICT_ADMIN, district), hash);
            add(new Actor(userIdFor(district, Role.DISTRICT_SUPERVISOR), Role.DISTRICT_SUPERVISOR, district), hash);
            add(new Actor(userIdFor(district, Role.DISTRICT_WORKER), Role.DISTRICT_WORKER, district), hash);
        }
        add(new Actor("analyst", Role.CITY_ANALYST, null), hash);
        add(new Actor("auditor", Role.AUDITOR, null), hash);
        add(new Actor("admin", Role.PLATFORM_ADMIN, null), hash);
    }

    /** {@code hv-admin} for Hässelby-Vällingby (as the pilot called itself), else {@code <district>-admin}. */
    public static String userIdFor(String district) {
        return userIdFor(district, Role.DISTRICT_ADMIN);
    }

    /** {@code hv-worker}, {@code farsta-supervisor}: the district's short name and the role's. */
    public static String userIdFor(String district, Role role) {
        String suffix = switch (role) {
            case DISTRICT_WORKER -> "-worker";
            case DISTRICT_SUPERVISOR -> "-supervisor";
            case DISTRICT_ADMIN -> "-admin";
            default -> throw new IllegalArgumentException("Not a district role: " + role);
        };
        return ("hasselby-vallingby".equals(district) ? "hv" : district) + suffix;
    }

    private void add(Actor actor, String hash) {
        users.put(actor.userId(), new ActorPrincipal(actor, hash));
    }

    @Override
    public ActorPrincipal loadUserByUsername(String username) {
        ActorPrincipal user = users.get(username);
        if (user == null) {
            throw new UsernameNotFoundException("No such user");
        }
        return user;
    }
}
