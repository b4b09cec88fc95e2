package se.tidigt.gateway.audit;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/** The audit endpoints' errors in their own words: who may call them, and what "unknown" means here. */
@Configuration(proxyBeanMethods = false)
class AuditOpenApi {
    private static final Map<String, String> ERRORS = Map.of(
            "400", "Invalid parameter: page or size out of bounds, a malformed instant or date, a day not yet ended",
            "401", "No or bad credentials",
            "403", "Not an auditor: only the AUDITOR role reaches /api/v1/audit",
            "404", "Unknown case (or, for a digest's verify, no digest of that day stored yet)",
            "503", "Database unavailable; the read is not answered, since it could not be logged");

    @Bean
    OpenApiCustomizer auditErrorsDocumented() {
        return api -> api.getPaths().forEach((path, item) -> {
            if (path.startsWith(AuditorAccess.AUDIT_PATHS)) {
                item.readOperations().forEach(operation -> ERRORS.forEach((status, description) ->
                        operation.getResponses().put(status, new ApiResponse().description(description)
                                .content(new Content().addMediaType("application/problem+json",
                                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")))))));
            }
        });
    }
}
