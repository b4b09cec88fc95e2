package se.tidigt.gateway.dashboard;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;
import se.tidigt.platform.actor.Actor;
import se.tidigt.platform.actor.CurrentActor;


/**
 * The pages (their HTML with hashed asset links, {@link PageTemplates}), the sign-in page (its form carries the CSRF token, so it is filled in here rather than served
 * as a file; it offers the ways in this deployment has, {@link SignInMethods}) and the signed-in user,
 * as the page needs them.
 */
@Controller
@Hidden
class DashboardController {
    /** With the demo users off and no OIDC client, nobody can sign in to the page: say what to set. */
    private static final String UNAVAILABLE = """
              <p class="error" role="alert" data-i18n="signInUnavailable">Inloggningen till översikten är inte konfigurerad.</p>
              <p class="note"><code>SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_TIDIGT_CLIENT_ID</code>,
                <code>SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_TIDIGT_ISSUER_URI</code></p>
            """;
    private static final String PROVIDER = """
              <p class="error" role="alert" data-show="%s" hidden data-i18n="providerSignInFailed">Inloggningen misslyckades.</p>
              <div class="actions"><a class="primary" id="sign-in-provider" href="%s" data-i18n="signInWithProvider">Logga in via stadens inloggning</a></div>
            """.formatted(SignInMethods.PROVIDER_FAILED, SignInMethods.PROVIDER_SIGN_IN);

    private final PageTemplates templates;
    private final String ways;

    DashboardController(SignInMethods signIn, PageTemplates templates) {
        this.templates = templates;
        String offered = (signIn.throughIdentityProvider() ? PROVIDER : "") + (signIn.demoUsers() ? PageTemplates.read("dashboard/login-form.html") : "");
        this.ways = offered.isEmpty() ? UNAVAILABLE : offered;
    }

    /** Who is signed in, and the token the page's sign-out form (and any unsafe call) must carry. */
    record Session(String user, String role, String district, String csrfHeader, String csrfParameter, String csrfToken) {
    }

    @GetMapping(path = DashboardSecurity.LOGIN, produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String login(CsrfToken csrf) {
        return templates.page("dashboard/login.html").replace("{{signIn}}", ways).replace("{{csrfParameter}}", HtmlUtils.htmlEscape(csrf.getParameterName()))
                .replace("{{csrfToken}}", HtmlUtils.htmlEscape(csrf.getToken()));
    }

    /** The city view (analysts, admins) and the district view (district users): one page, drawn by app.js. */
    @GetMapping(path = {"/", "/index.html"}, produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String dashboard() {
        return templates.page("dashboard/index.html");
    }

    /** The auditors' pages: case search, history, past states, verification, export, digests, access log. */
    @GetMapping(path = DashboardSecurity.AUDIT, produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String audit() {
        return templates.page("dashboard/audit.html");
    }

    /** The spread investigation (analysts, platform admins): the districts, gain against cost, scenarios, the report. */
    @GetMapping(path = DashboardSecurity.SPREAD, produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String spread() {
        return templates.page("dashboard/spread.html");
    }

    @GetMapping(path = "/dashboard/session", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Session session(CsrfToken csrf) {
        Actor actor = CurrentActor.get();
        return new Session(actor.userId(), actor.role() == null ? null : actor.role().name(), actor.district(), csrf.getHeaderName(),
                csrf.getParameterName(), csrf.getToken());
    }
}
