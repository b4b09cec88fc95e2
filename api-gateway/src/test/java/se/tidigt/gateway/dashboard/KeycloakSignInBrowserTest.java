package se.tidigt.gateway.dashboard;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.tidigt.gateway.support.Browser;
import se.tidigt.gateway.support.KeycloakAdmin;
import se.tidigt.gateway.support.KeycloakTest;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page's sign-in through a real Keycloak in a real headless Chromium, as in production: no demo users,
 * so a visitor is sent to Keycloak's own sign-in form, and comes back signed in as the user Keycloak
 * knows. Signing out ends the Keycloak session too (RP-initiated logout), so the next visit asks for the
 * password again instead of being signed straight back in.
 */
class KeycloakSignInBrowserTest extends KeycloakTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @RegisterExtension
    final Browser browser = Browser.perTest(() -> port);

    @Test
    void a_user_signs_in_at_keycloak_and_signing_out_ends_the_keycloak_session_too() {
        KeycloakAdmin admin = keycloak().admin();
        KeycloakAdmin.User analyst = admin.createUser("analyst", "CITY_ANALYST", null);

        browser.open("/");
        awaitKeycloakSignInForm();
        signInAtKeycloak(analyst);
        browser.waiting(PATIENCE).until(d -> d.getCurrentUrl().startsWith(applicationBase() + "/")
                && browser.find("#user").getText().contains(analyst.username()));
        assertThat(admin.sessionsOf(analyst.username())).as("the user's Keycloak session").isEqualTo(1);

        browser.find("#sign-out").click();
        browser.waiting(PATIENCE).until(d -> d.getCurrentUrl().equals(applicationBase() + "/login?logout"));
        assertThat(browser.find("[data-show=logout]").isDisplayed()).as("the page says the user is signed out").isTrue();
        assertThat(admin.sessionsOf(analyst.username())).as("the Keycloak session ended with the page's").isZero();

        browser.open("/");
        awaitKeycloakSignInForm();
        assertThat(browser.find("#password").getAttribute("value")).isEmpty();
    }

    @Test
    void a_district_admin_signed_in_at_keycloak_sees_their_district_and_nothing_else() {
        KeycloakAdmin.User districtAdmin = keycloak().admin().createUser("hv-admin", "DISTRICT_ADMIN", "hasselby-vallingby");

        browser.open("/");
        awaitKeycloakSignInForm();
        signInAtKeycloak(districtAdmin);
        browser.waiting(PATIENCE).until(d -> browser.find("#user").getText().contains(districtAdmin.username()));

        Object session = browser.script("return fetch('/dashboard/session').then(r => r.json())"
                + ".then(s => s.role + ' ' + s.district)");
        assertThat(session).isEqualTo("DISTRICT_ADMIN hasselby-vallingby");
        Object own = browser.script("return fetch('/api/v1/districts/hasselby-vallingby/cases').then(r => r.status)");
        Object other = browser.script("return fetch('/api/v1/districts/farsta/cases').then(r => r.status)");
        assertThat(own).isEqualTo(200L);
        assertThat(other).isEqualTo(403L);
    }

    private void awaitKeycloakSignInForm() {
        browser.waiting(PATIENCE).until(d -> d.getCurrentUrl().startsWith(keycloak().issuer() + "/protocol/openid-connect/auth")
                && !d.findElements(org.openqa.selenium.By.id("username")).isEmpty());
    }

    private void signInAtKeycloak(KeycloakAdmin.User user) {
        browser.find("#username").sendKeys(user.username());
        browser.find("#password").sendKeys(user.password());
        browser.find("#kc-login").click();
    }
}
