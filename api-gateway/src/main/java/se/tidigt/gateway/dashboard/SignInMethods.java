package se.tidigt.gateway.dashboard;

import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * How a person signs in to the page in this deployment: with the demo users' form (when they are on),
 * through the city's identity provider (when the OIDC client {@value #REGISTRATION} is configured with
 * Spring Boot's {@code spring.security.oauth2.client.registration.tidigt.*}), both, or neither (a
 * deployment with bearer tokens for the API only; the sign-in page then says what to set).
 */
record SignInMethods(boolean demoUsers, ClientRegistrationRepository identityProvider) {
    static final String REGISTRATION = "tidigt";
    /** Where Spring Security starts the authorization code flow for the registration. */
    static final String PROVIDER_SIGN_IN = "/oauth2/authorization/" + REGISTRATION;
    /** The sign-in page's query parameter after a failed sign-in at the provider (a refused code, a wrong nonce). */
    static final String PROVIDER_FAILED = "provider-error";

    SignInMethods {
        if (identityProvider != null && identityProvider.findByRegistrationId(REGISTRATION) == null) {
            identityProvider = null;
        }
    }

    boolean throughIdentityProvider() {
        return identityProvider != null;
    }

    /** Where a visitor without a session is sent: straight to the identity provider when it is the only way in. */
    String signInUrl() {
        return throughIdentityProvider() && !demoUsers ? PROVIDER_SIGN_IN : DashboardSecurity.LOGIN;
    }
}
