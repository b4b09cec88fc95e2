package se.tidigt.gateway.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import se.tidigt.cases.api.OpenAccessKind;
import se.tidigt.cases.api.RecordOpenAccessSupport;
import se.tidigt.gateway.writes.WriteAnswers;
import se.tidigt.platform.idempotency.WriteRequest;

import java.time.YearMonth;

/** Support given without an investigation (SFS 2025:400), counted per district, month and kind. */
@RestController
@Tag(name = "Cases")
class OpenAccessSupportController {
    private final WriteAnswers writes;
    private final DistrictAccess access;

    OpenAccessSupportController(WriteAnswers writes, DistrictAccess access) {
        this.writes = writes;
        this.access = access;
    }

    record OpenAccessSupportRequest(@NotNull YearMonth month, @NotNull OpenAccessKind kind,
                                    @NotNull @Min(1) @Max(100_000) Integer count) {
    }

    record OpenAccessSupportCounted(String district, YearMonth month, OpenAccessKind kind, int count, long version) {
    }

    @Operation(summary = "Count support given without investigation")
    @PostMapping(path = "/api/v1/districts/{district}/open-access-support", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> record(@PathVariable String district, @Valid @RequestBody OpenAccessSupportRequest body,
                                  HttpServletRequest http) {
        access.requireOwnDistrict(district);
        var command = new RecordOpenAccessSupport(district, body.month(), body.kind(), body.count());
        return writes.write(WriteRequest.of(http, body), command.tallyId(), HttpStatus.CREATED, null, v -> command,
                (id, version) -> new OpenAccessSupportCounted(district, body.month(), body.kind(), body.count(), version));
    }
}
