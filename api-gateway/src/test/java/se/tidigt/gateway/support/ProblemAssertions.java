package se.tidigt.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** What every refusal must look like: RFC 9457 problem details with the right status and no stack trace. */
public final class ProblemAssertions {
    private ProblemAssertions() {
    }

    public static JsonNode assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).isNotBlank();
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.has("detail")).isTrue();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("trace");
        return problem;
    }

    /** Sends the request, asserts the problem and that the store did not change. */
    public static JsonNode refusedStoringNothing(EventStoreCounter store, int status, Supplier<Api.Response> request) {
        long before = store.stored();
        JsonNode problem = assertProblem(request.get(), status);
        assertThat(store.stored()).as("nothing stored").isEqualTo(before);
        return problem;
    }

    /** The fields a 400 names, sorted. */
    public static List<String> fields(JsonNode problem) {
        return problem.path("errors").findValuesAsText("field").stream().sorted().toList();
    }
}
