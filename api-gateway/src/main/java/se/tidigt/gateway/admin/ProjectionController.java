package se.tidigt.gateway.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.tidigt.platform.projections.ParkedEvents;
import se.tidigt.platform.actor.Role;
import se.tidigt.platform.actor.Roles;
import se.tidigt.platform.replays.ProjectionAdmin;
import se.tidigt.platform.replays.ProjectionStatus;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Operations on the projections: their state, rebuilding one, and the events they parked. */
@RestController
@RequestMapping(path = "/api/v1/admin/projections", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Operations", description = "Projections, replay, parked events")
class ProjectionController {
    private final ProjectionAdmin admin;

    ProjectionController(ProjectionAdmin admin) {
        this.admin = admin;
    }

    @Operation(summary = "Each projection's processor, segments, position, lag, replay and parked events (platform admin)")
    @GetMapping
    List<ProjectionStatus> list() {
        Roles.require(Role.PLATFORM_ADMIN);
        return admin.all();
    }

    @Operation(summary = "Rebuild a projection from the event store while the API keeps answering (platform admin); "
            + "409 while a replay of it runs")
    @PostMapping("/{name}/replay")
    ResponseEntity<ProjectionStatus> replay(@PathVariable String name) {
        Roles.require(Role.PLATFORM_ADMIN);
        admin.replay(name);
        return ResponseEntity.accepted().location(URI.create("/api/v1/admin/projections")).body(admin.status(name));
    }

    @Operation(summary = "The cases whose events the projection parked after its handler failed (platform admin)")
    @GetMapping("/{name}/parked")
    ParkedEvents.Summary parked(@PathVariable String name) {
        Roles.require(Role.PLATFORM_ADMIN);
        return admin.parked(name);
    }

    @Operation(summary = "Handle a case's parked events again, in order (platform admin)")
    @PostMapping("/{name}/parked/{caseId}/retry")
    Map<String, Object> retry(@PathVariable String name, @PathVariable String caseId) {
        Roles.require(Role.PLATFORM_ADMIN);
        boolean handled = admin.retryParked(name, caseId);
        return Map.of("caseId", caseId, "handled", handled, "parked", admin.parked(name));
    }

    @Operation(summary = "Drop a case's parked events for good; the projection will lack them (platform admin)")
    @DeleteMapping("/{name}/parked/{caseId}")
    Map<String, Object> evict(@PathVariable String name, @PathVariable String caseId) {
        Roles.require(Role.PLATFORM_ADMIN);
        return Map.of("caseId", caseId, "evicted", admin.evictParked(name, caseId));
    }
}
