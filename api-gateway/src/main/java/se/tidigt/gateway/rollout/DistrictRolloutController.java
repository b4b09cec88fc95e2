package se.tidigt.gateway.rollout;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.tidigt.gateway.writes.WriteAnswers;
import se.tidigt.platform.idempotency.WriteRequest;
import se.tidigt.platform.problem.ApiProblem;
import se.tidigt.gateway.rollout.RolloutRequests.*;
import se.tidigt.platform.actor.Role;
import se.tidigt.platform.actor.Roles;
import se.tidigt.query.rollout.RolloutEventTypes;
import se.tidigt.query.rollout.RolloutViews;
import se.tidigt.rollout.api.*;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Districts through time, each district's rollout timeline, and the platform admin's rollout records. */
@RestController
@RequestMapping(path = "/api/v1/districts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Rollout")
class DistrictRolloutController {
    private final DistrictCatalogue districts;
    private final RolloutViews rollout;
    private final WriteAnswers writes;
    private final ObjectMapper json;
    private final Clock clock;

    DistrictRolloutController(DistrictCatalogue districts, RolloutViews rollout, WriteAnswers writes, ObjectMapper json,
                              Clock clock) {
        this.districts = districts;
        this.rollout = rollout;
        this.writes = writes;
        this.json = json;
        this.clock = clock;
    }

    record DistrictView(String code, String name, LocalDate validFrom, LocalDate validTo, List<String> predecessors,
                        String todaysDistrict, String workModelInForce) {
    }

    record TimelineView(String district, LocalDate on, String workModelInForce, List<Map<String, Object>> timeline,
                        List<AdoptionPlanned> plannedAdoptions) {
    }

    record RolloutRecorded(String district, long version) {
    }

    @Operation(summary = "Today's districts (or every district, with historical=true) and the model each has in "
            + "force today (or on the date given)")
    @GetMapping
    List<DistrictView> list(@RequestParam(defaultValue = "false") boolean historical,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        LocalDate date = on != null ? on : today();
        List<District> listed = historical ? districts.all() : districts.validOn(date);
        return listed.stream().map(d -> new DistrictView(d.code(), d.name(), d.validFrom(), d.validTo(), d.predecessors(),
                districts.currentSuccessorOf(d.code()), d.isValidOn(date) ? rollout.modelInForce(d.code(), date) : null))
                .toList();
    }

    @Operation(summary = "The district's timeline of adoptions, suspensions, reinstatements, funding, staffing and "
            + "planned adoptions, and the model in force on a date (today by default)")
    @GetMapping("/{district}/rollout")
    TimelineView timeline(@PathVariable String district,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        known(district);
        LocalDate date = on != null ? on : today();
        RolloutTimeline timeline = rollout.timelineOf(district);
        List<Map<String, Object>> entries = timeline.entries().stream().map(this::entry).toList();
        return new TimelineView(district, date, timeline.modelInForceOn(date).orElse(WorkModels.ORDINARY_CODE), entries,
                timeline.plannedAdoptions());
    }

    @Operation(summary = "Record that the district adopts a work model (platform admin)")
    @PostMapping(path = "/{district}/rollout/adoptions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> adopt(@PathVariable String district, @Valid @RequestBody AdoptionRequest body,
                                 HttpServletRequest http) {
        knownModel(body.workModel());
        return record(district, http, body, v -> new AdoptWorkModel(district, body.workModel(), body.effectiveFrom(), v));
    }

    @Operation(summary = "Record that the district suspends a work model (platform admin)")
    @PostMapping(path = "/{district}/rollout/suspensions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> suspend(@PathVariable String district, @Valid @RequestBody SuspensionRequest body,
                                   HttpServletRequest http) {
        knownModel(body.workModel());
        return record(district, http, body, v -> new SuspendWorkModel(district, body.workModel(), body.effectiveFrom(),
                body.reason(), body.note(), v));
    }

    @Operation(summary = "Record that the district reinstates a suspended work model (platform admin)")
    @PostMapping(path = "/{district}/rollout/reinstatements", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> reinstate(@PathVariable String district, @Valid @RequestBody AdoptionRequest body,
                                     HttpServletRequest http) {
        knownModel(body.workModel());
        return record(district, http, body, v -> new ReinstateWorkModel(district, body.workModel(), body.effectiveFrom(), v));
    }

    @Operation(summary = "Record funding granted to the district's rollout (platform admin)")
    @PostMapping(path = "/{district}/rollout/funding", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> fund(@PathVariable String district, @Valid @RequestBody FundingRequest body,
                                HttpServletRequest http) {
        return record(district, http, body, v -> new GrantFunding(district, body.source(), body.amountSek(), body.from(),
                body.to(), v));
    }

    @Operation(summary = "Record the district's budgeted and filled full-time posts (platform admin)")
    @PostMapping(path = "/{district}/rollout/staffing", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> staff(@PathVariable String district, @Valid @RequestBody StaffingRequest body,
                                 HttpServletRequest http) {
        return record(district, http, body, v -> new RecordStaffing(district, body.effectiveFrom(), body.budgetedFte(),
                body.filledFte(), v));
    }

    private ResponseEntity<Object> record(String district, HttpServletRequest http, Object body,
                                          Function<Long, Object> command) {
        Roles.require(Role.PLATFORM_ADMIN);
        known(district);
        return writes.write(WriteRequest.of(http, body), district, HttpStatus.CREATED,
                URI.create("/api/v1/districts/" + district + "/rollout"), command, RolloutRecorded::new);
    }

    private Map<String, Object> entry(DistrictRolloutEvent event) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("kind", RolloutEventTypes.nameOf(event));
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = json.convertValue(event, Map.class);
        fields.remove("district");
        entry.putAll(fields);
        return entry;
    }

    private void known(String district) {
        if (districts.find(district).isEmpty()) {
            throw ApiProblem.notFound("District " + district);
        }
    }

    private void knownModel(String workModel) {
        if (!rollout.workModelExists(workModel)) {
            throw ApiProblem.invalid("workModel", "is not a defined work model");
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(se.tidigt.cases.api.Deadlines.ZONE));
    }
}
