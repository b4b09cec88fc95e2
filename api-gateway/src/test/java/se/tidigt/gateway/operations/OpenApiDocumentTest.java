package se.tidigt.gateway.operations;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import se.tidigt.gateway.support.ApiTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document as client developers get it: every {@code $ref} resolves (Spectral's
 * {@code spectral:oas} ruleset found one that did not). Written to {@code target/openapi.json} so
 * that Spectral can lint it (see docs/reliability.md).
 */
class OpenApiDocumentTest extends ApiTest {

    @Test
    void every_reference_in_the_openapi_document_resolves() throws IOException {
        String text = anonymous().get("/v3/api-docs").body();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/openapi.json"), text);
        JsonNode document = se.tidigt.gateway.support.Api.JSON.readTree(text);

        List<String> broken = new ArrayList<>();
        collectBrokenRefs(document, document, broken);
        assertThat(broken).isEmpty();
        assertThat(document.at("/info/contact").isMissingNode()).as("a contact for client developers").isFalse();
    }

    private static void collectBrokenRefs(JsonNode root, JsonNode node, List<String> broken) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && (!ref.asText().startsWith("#/") || root.at(ref.asText().substring(1)).isMissingNode())) {
                broken.add(ref.asText());
            }
            node.elements().forEachRemaining(child -> collectBrokenRefs(root, child, broken));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collectBrokenRefs(root, child, broken));
        }
    }
}
