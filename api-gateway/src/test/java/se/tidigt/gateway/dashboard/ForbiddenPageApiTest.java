package se.tidigt.gateway.dashboard;

import org.junit.jupiter.api.Test;
import se.tidigt.gateway.support.ApiTest;
import se.tidigt.gateway.support.PageSession;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page the signed-in role may not open, over real HTTP: a browser gets the 403 page in words with the
 * way back; a client that asks for JSON keeps the problem document; the auditor gets the page.
 */
class ForbiddenPageApiTest extends ApiTest {

    @Test
    void a_signed_in_analyst_asking_for_the_auditors_pages_gets_a_403_page_with_the_way_back() {
        HttpResponse<byte[]> page = new PageSession(port).signIn("analyst").get("/audit",
                "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(new String(page.body(), StandardCharsets.UTF_8))
                .contains("<html lang=\"sv\">", "Sidan är inte öppen för dig", "(403)", "href=\"/\"", "href=\"/login\"")
                .containsPattern("href=\"/dashboard/dashboard-[0-9a-f]{32}\\.css\"");
    }

    @Test
    void a_signed_in_client_asking_for_json_keeps_the_problem_document() {
        HttpResponse<byte[]> answer = new PageSession(port).signIn("hv-admin").get("/audit", "Accept", "application/json");
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains("\"status\":403");
    }

    @Test
    void the_auditor_gets_the_auditors_pages() {
        HttpResponse<byte[]> page = new PageSession(port).signIn("auditor").get("/audit", "Accept", "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("id=\"find\"");
    }
}
