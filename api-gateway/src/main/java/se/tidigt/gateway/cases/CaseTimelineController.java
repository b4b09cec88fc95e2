package se.tidigt.gateway.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.tidigt.audit.accesslog.LoggedRead;
import se.tidigt.audit.accesslog.ShowsCases;
import se.tidigt.platform.axon.Versions;
import se.tidigt.query.caseview.CaseView;
import se.tidigt.query.caseview.Deadline;
import se.tidigt.query.caseview.NextSteps;

import java.util.List;

/** What a district user working on a case needs beside the case itself: its timeline and its next steps. */
@RestController
@RequestMapping(path = "/api/v1/cases/{caseId}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Cases")
@LoggedRead
class CaseTimelineController {
    private final DistrictAccess access;
    private final CaseTimeline timeline;

    CaseTimelineController(DistrictAccess access, CaseTimeline timeline) {
        this.access = access;
        this.timeline = timeline;
    }

    /**
     * The steps the lifecycle allows now, the legal deadlines still open (earliest first), and the version
     * a write must name in {@code If-Match}.
     */
    record NextStepsAnswer(String caseId, long version, List<NextSteps.Step> steps, List<Deadline> due) implements ShowsCases {
        @Override
        public List<String> caseIds() {
            return List.of(caseId);
        }
    }

    @Operation(summary = "The case's events in order, each with who recorded it (user, role), when it happened and was "
            + "recorded, and what it says (free text opened)")
    @GetMapping("/timeline")
    CaseTimeline.Answer timeline(@PathVariable String caseId) {
        access.requireCaseOfOwnDistrict(caseId);
        return timeline.of(caseId);
    }

    @Operation(summary = "The steps the case's lifecycle allows now (none once closed), each with its offer where it "
            + "acts on one; the legal deadlines still open; and the case's version")
    @GetMapping("/next-steps")
    ResponseEntity<NextStepsAnswer> nextSteps(@PathVariable String caseId) {
        CaseView view = access.requireCaseOfOwnDistrict(caseId);
        return ResponseEntity.ok().eTag(Versions.etag(view.version()))
                .body(new NextStepsAnswer(caseId, view.version(), NextSteps.of(view), view.openDeadlines()));
    }
}
