package se.tidigt.gateway.security;

import se.tidigt.platform.secrets.RefusedStart;

/**
 * Thrown at start-up when nobody could ever sign in: no identity provider and no demo users. Its
 * message says what to set; it is printed as Spring Boot's failure report.
 */
public final class NoIdentityProvider extends RefusedStart {
    public NoIdentityProvider() {
        super("Tidigt has no way to authenticate anyone: no identity provider is configured and the demo users "
                + "are off (a database is configured).", "Set SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI "
                + "(or ..._JWK_SET_URI, or ..._PUBLIC_KEY_LOCATION) to the city's identity provider, e.g. "
                + "https://keycloak.example/realms/tidigt; or, on a machine of your own only, set TIDIGT_DEMO_USERS=true.");
    }
}
