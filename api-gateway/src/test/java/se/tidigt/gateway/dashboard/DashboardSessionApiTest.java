package se.tidigt.gateway.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tidigt.gateway.support.CaseRequests.concern;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;

/**
 * The page's sign-in and session over real HTTP: the form login, the session carrying the page's
 * API calls, CSRF on every unsafe call made with the session, and clients with credentials of
 * their own untouched by any of it.
 */
class DashboardSessionApiTest extends ApiTest {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Test
    void the_page_sends_a_visitor_without_a_session_to_the_sign_in_page() throws Exception {
        HttpResponse<String> page = send(get("/").header("Accept", "text/html"));
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        HttpResponse<String> login = send(get("/login"));
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("Syntetiska demodata").containsPattern(CSRF);
    }

    @Test
    void a_wrong_password_is_refused_and_no_session_reaches_the_api() throws Exception {
        HttpResponse<String> refused = signIn("analyst", "wrong");
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(send(get("/dashboard/session")).statusCode()).isEqualTo(401);
        HttpResponse<String> api = send(get("/api/v1/districts"));
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    @Test
    void a_signed_in_district_user_reads_with_the_session_and_writes_only_with_the_csrf_token() throws Exception {
        assertThat(signIn("farsta-admin", "demo").headers().firstValue("Location").orElseThrow()).endsWith("/district");
        JsonNode session = Api.JSON.readTree(send(get("/dashboard/session")).body());
        assertThat(session.path("user").asText()).isEqualTo("farsta-admin");
        assertThat(session.path("role").asText()).isEqualTo("DISTRICT_ADMIN");
        assertThat(session.path("district").asText()).isEqualTo("farsta");
        assertThat(send(get("/api/v1/districts/farsta/cases")).statusCode()).isEqualTo(200);
        assertThat(send(get("/api/v1/districts/bromma/cases")).statusCode()).isEqualTo(403);

        String body = Api.JSON.writeValueAsString(concern(daysAgo(3)));
        HttpResponse<String> withoutToken = send(post("/api/v1/districts/farsta/cases", body));
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        // The refusal names its cause, the token, not the user's role (which allows this write).
        assertThat(Api.JSON.readTree(withoutToken.body()).path("detail").asText()).contains("CSRF token").doesNotContain("role");
        HttpResponse<String> wrongToken = send(post("/api/v1/districts/farsta/cases", body)
                .header(session.path("csrfHeader").asText(), "not-the-sessions-token"));
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(Api.JSON.readTree(wrongToken.body()).path("title").asText()).isEqualTo("CSRF token missing or not valid");
        HttpResponse<String> withToken = send(post("/api/v1/districts/farsta/cases", body)
                .header(session.path("csrfHeader").asText(), session.path("csrfToken").asText()));
        assertThat(withToken.statusCode()).isEqualTo(201);
    }

    @Test
    void the_session_passes_the_same_access_rules_as_credentials_before_any_body_is_read() throws Exception {
        signIn("farsta-admin", "demo");
        JsonNode session = Api.JSON.readTree(send(get("/dashboard/session")).body());
        HttpResponse<String> otherDistrict = send(post("/api/v1/districts/bromma/cases", "{not json")
                .header(session.path("csrfHeader").asText(), session.path("csrfToken").asText()));
        assertThat(otherDistrict.statusCode()).isEqualTo(403);
        assertThat(send(get("/api/v1/admin/projections")).statusCode()).isEqualTo(403);
        assertThat(send(get("/api/v1/audit/access-log")).statusCode()).isEqualTo(403);
    }

    @Test
    void clients_with_credentials_of_their_own_need_no_session_and_no_csrf_token() {
        Api.Response created = hv().post("/api/v1/districts/hasselby-vallingby/cases", concern(daysAgo(2)));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Set-Cookie")).isNull();
    }

    @Test
    void signing_out_ends_the_session() throws Exception {
        signIn("analyst", "demo");
        String token = Api.JSON.readTree(send(get("/dashboard/session")).body()).path("csrfToken").asText();
        HttpResponse<String> out = send(post("/logout", "_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8))
                .setHeader("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
        assertThat(send(get("/dashboard/session")).statusCode()).isEqualTo(401);
    }

    @Test
    void the_pages_to_work_in_a_district_open_for_its_users_only() throws Exception {
        HttpResponse<String> anonymous = send(get("/district"));
        assertThat(anonymous.statusCode()).as("no session: to the sign-in page").isEqualTo(302);
        signIn("analyst", "demo");
        assertThat(send(get("/district")).statusCode()).isEqualTo(403);
        assertThat(send(get("/district/cases/new")).statusCode()).isEqualTo(403);
        signIn("farsta-admin", "demo");
        HttpResponse<String> page = send(get("/district/cases/new"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-page=\"new\"").containsPattern("/dashboard/district-[0-9a-f]{32}\\.js");
    }

    private HttpResponse<String> signIn(String user, String password) throws Exception {
        String token = csrfOf(send(get("/login")).body());
        String form = "username=" + user + "&password=" + password + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        HttpResponse<String> answer = send(post("/login", form).setHeader("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(answer.statusCode()).isEqualTo(302);
        return answer;
    }

    private static String csrfOf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("a CSRF token in the sign-in form").isTrue();
        return matcher.group(1);
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
    }

    private HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
