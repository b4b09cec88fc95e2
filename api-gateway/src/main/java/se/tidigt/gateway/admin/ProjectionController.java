package se.tidigt.gateway.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.tidigt.gateway.security.Role;
import se.tidigt.gateway.security.Roles;

import java.net.URI;
import java.util.List;

/** Operations on the projections: their state, and rebuilding one from the event store. */
@RestController
@RequestMapping(path = "/api/v1/admin/projections", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Operations", description = "Projections, replay")
class ProjectionController {
    private final ProjectionAdmin admin;

    ProjectionController(ProjectionAdmin admin) {
        this.admin = admin;
    }

    @Operation(summary = "Each projection's processor, segments, position, lag and replay progress (platform admin)")
    @GetMapping
    List<ProjectionStatus> list() {
        Roles.require(Role.PLATFORM_ADMIN);
        return admin.all();
    }

    @Operation(summary = "Rebuild a projection from the event store while the API keeps answering (platform admin)")
    @PostMapping("/{name}/replay")
    ResponseEntity<ProjectionStatus> replay(@PathVariable String name) {
        Roles.require(Role.PLATFORM_ADMIN);
        admin.replay(name);
        return ResponseEntity.accepted().location(URI.create("/api/v1/admin/projections")).body(admin.status(name));
    }
}
