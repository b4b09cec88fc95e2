package se.tidigt.gateway.problem;

import org.junit.jupiter.api.Test;
import se.tidigt.gateway.support.ApiTest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tidigt.gateway.support.ProblemAssertions.assertProblem;

/**
 * Refusals raised before any controller runs (Tomcat's own checks, Spring Security's firewall) are
 * problem details too, never Tomcat's HTML page or Spring Boot's default JSON. Sent over a raw socket,
 * since an HTTP client library would mend or refuse such requests itself.
 */
class ErrorsOutsideControllersApiTest extends ApiTest {

    @Test
    void a_header_of_20_kb_is_answered_with_problem_details() throws IOException {
        String answer = raw("GET /api/v1/districts HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");
        assertProblemJson(answer, "400", "431");
    }

    @Test
    void a_path_tomcat_refuses_is_answered_with_problem_details() throws IOException {
        assertProblemJson(raw(get("/api/v1/cases/a%2Fb")), "400");
        assertProblemJson(raw(get("/api/v1/cases/a|b")), "400");
    }

    @Test
    void a_path_the_firewall_refuses_is_answered_with_problem_details() throws IOException {
        assertProblemJson(raw(get("/api/v1/cases/a%25b")), "400");
        assertProblemJson(raw(get("/api/v1/cases/..;/x")), "400");
        assertProblemJson(raw(get("/api/v1/cases/%2e%2e/districts")), "400");
    }

    @Test
    void an_unknown_path_is_answered_with_problem_details() {
        // The access-rule table refuses what it does not name, before any controller is looked for.
        assertProblem(hv().get("/api/v1/no-such-thing"), 403);
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic aHYtYWRtaW46ZGVtbw==\r\n"
                + "Connection: close\r\n\r\n";
    }

    private static void assertProblemJson(String answer, String... statuses) {
        String statusLine = answer.lines().findFirst().orElse("");
        assertThat(statusLine).as(answer).containsAnyOf(statuses);
        assertThat(answer.toLowerCase()).as(answer).contains("content-type: application/problem+json");
        assertThat(answer).doesNotContain("<html").doesNotContain("Exception").doesNotContain("\"timestamp\"")
                .contains("\"status\":" + statusLine.split(" ")[1]);
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
