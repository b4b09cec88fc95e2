package se.tidigt.gateway.demo;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import se.tidigt.demo.DemoDataProgress;
import se.tidigt.platform.actor.Role;
import se.tidigt.platform.actor.Roles;

/** The demo-data load's progress, for the platform admin. */
@RestController
@Tag(name = "Operations")
class DemoDataController {
    private final DemoDataProgress progress;

    DemoDataController(DemoDataProgress progress) {
        this.progress = progress;
    }

    @Operation(summary = "Progress of the demo-data load: OFF, WAITING, SKIPPED, LOADING, DONE or FAILED, with counts")
    @GetMapping(path = "/api/v1/admin/demo-data", produces = MediaType.APPLICATION_JSON_VALUE)
    DemoDataProgress.Snapshot get() {
        Roles.require(Role.PLATFORM_ADMIN);
        return progress.snapshot();
    }
}
