package se.tidigt.gateway.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.LinkedHashMap;
import java.util.Map;

/** The served OpenAPI document: the API's description, its security, and every error it can answer. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {
    private static final Map<String, String> WRITE_ERRORS = errors(
            "400", "Malformed or invalid input; `errors` names the fields",
            "401", "No or bad credentials", "403", "Not your district or role", "404", "Unknown case or district",
            "409", "A rule or a concurrent write forbids it (`rule` names the rule), or an Idempotency-Key reused with another body",
            "412", "If-Match names another version", "413", "Body over 1 MiB", "415", "Not application/json",
            "503", "Database unavailable");
    private static final Map<String, String> READ_ERRORS = errors(
            "400", "Invalid parameter", "401", "No or bad credentials", "403", "Not your district or role",
            "404", "Unknown case or district", "503", "Database unavailable");

    @Bean
    OpenAPI tidigtOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Tidigt API").version("v1")
                        .contact(new io.swagger.v3.oas.models.info.Contact().name("Tidigt platform team")
                                .url("https://github.com/tidigt"))
                        .description(
                        "Early social support for children, recorded district by district as events. "
                                + "Errors are RFC 9457 problem details; writes answer with the new version and an ETag, "
                                + "accept If-Match and Idempotency-Key."))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT").description("A JWT from the city's identity provider (production)"))
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("The demo users (embedded default, loopback only)"))
                        .addSchemas("Problem", problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }

    @Bean
    OpenApiCustomizer everyErrorDocumented() {
        return api -> {
            // springdoc replaces the components given above with the ones it generates: add Problem again.
            api.getComponents().addSchemas("Problem", problemSchema());
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                addErrors(operation, method == PathItem.HttpMethod.GET ? READ_ERRORS : WRITE_ERRORS);
                describe(api, operation);
            }));
        };
    }

    /** Spectral's spectral:oas wants every operation described and every tag declared; the summary says it. */
    private static void describe(OpenAPI api, Operation operation) {
        if (operation.getDescription() == null || operation.getDescription().isBlank()) {
            operation.setDescription(operation.getSummary() != null ? operation.getSummary() : operation.getOperationId());
        }
        if (operation.getTags() != null) {
            for (String tag : operation.getTags()) {
                if (api.getTags() == null || api.getTags().stream().noneMatch(t -> tag.equals(t.getName()))) {
                    api.addTagsItem(new io.swagger.v3.oas.models.tags.Tag().name(tag));
                }
            }
        }
    }

    private static void addErrors(Operation operation, Map<String, String> errors) {
        errors.forEach((status, description) -> operation.getResponses().putIfAbsent(status, new ApiResponse()
                .description(description)
                .content(new Content().addMediaType("application/problem+json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))))));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema problemSchema() {
        Schema schema = new Schema<>().type("object").description("RFC 9457 problem details");
        schema.addProperty("type", new Schema<>().type("string"));
        schema.addProperty("title", new Schema<>().type("string"));
        schema.addProperty("status", new Schema<>().type("integer"));
        schema.addProperty("detail", new Schema<>().type("string"));
        schema.addProperty("rule", new Schema<>().type("string").description("409: the rule that forbids it"));
        schema.addProperty("errors", new Schema<>().type("array").description("400: the fields at fault, {field, message}"));
        return schema;
    }

    private static Map<String, String> errors(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
