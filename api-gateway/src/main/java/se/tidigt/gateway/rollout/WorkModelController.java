package se.tidigt.gateway.rollout;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.tidigt.gateway.writes.WriteAnswers;
import se.tidigt.platform.idempotency.WriteRequest;
import se.tidigt.gateway.rollout.RolloutRequests.WorkModelRequest;
import se.tidigt.platform.actor.Role;
import se.tidigt.platform.actor.Roles;
import se.tidigt.query.rollout.RolloutViews;
import se.tidigt.rollout.api.DefineWorkModel;
import se.tidigt.rollout.api.WorkModel;

import java.net.URI;
import java.util.List;

/** The work models the city can roll out; a platform admin adds others. */
@RestController
@RequestMapping(path = "/api/v1/work-models", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Rollout", description = "Work models, districts through time, rollout timelines and plans")
class WorkModelController {
    private final RolloutViews rollout;
    private final WriteAnswers writes;

    WorkModelController(RolloutViews rollout, WriteAnswers writes) {
        this.rollout = rollout;
        this.writes = writes;
    }

    record WorkModelDefined(String code, long version) {
    }

    @Operation(summary = "The work models")
    @GetMapping
    List<WorkModel> list() {
        return rollout.workModels();
    }

    @Operation(summary = "Define a work model (platform admin)")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> define(@Valid @RequestBody WorkModelRequest body, HttpServletRequest http) {
        Roles.require(Role.PLATFORM_ADMIN);
        return writes.write(WriteRequest.of(http, body), body.code(), HttpStatus.CREATED,
                URI.create("/api/v1/work-models/" + body.code()),
                v -> new DefineWorkModel(body.code(), body.name(), body.principles()), WorkModelDefined::new);
    }
}
