package se.tidigt.gateway.delegation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.tidigt.cases.api.ChangeDelegation;
import se.tidigt.cases.api.DecisionKind;
import se.tidigt.cases.api.DecisionRank;
import se.tidigt.cases.api.Deadlines;
import se.tidigt.cases.api.Delegation;
import se.tidigt.gateway.writes.WriteAnswers;
import se.tidigt.gateway.cases.DistrictAccess;
import se.tidigt.platform.idempotency.WriteRequest;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The district's delegation: read by the district's users, changed by its admin from a date on. */
@RestController
@RequestMapping(path = "/api/v1/districts/{district}/delegation", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Delegation", description = "Who in the district decides which step of a case alone")
class DelegationController {
    private final DelegationHistory history;
    private final WriteAnswers writes;
    private final DistrictAccess access;
    private final Clock clock;

    DelegationController(DelegationHistory history, WriteAnswers writes, DistrictAccess access, Clock clock) {
        this.history = history;
        this.writes = writes;
        this.access = access;
        this.clock = clock;
    }

    /** For each decision kind the lowest role that decides alone, in the order of the kinds. */
    record Levels(Map<DecisionKind, DecisionRank> levels) {
        static Levels of(Delegation delegation) {
            Map<DecisionKind, DecisionRank> ordered = new EnumMap<>(DecisionKind.class);
            for (DecisionKind kind : DecisionKind.values()) {
                ordered.put(kind, delegation.lowestToDecide(kind));
            }
            return new Levels(ordered);
        }
    }

    record Change(LocalDate effectiveFrom, Map<DecisionKind, DecisionRank> levels, java.time.Instant recordedAt,
                  String recordedBy) {
    }

    record DelegationAnswer(String district, LocalDate today, Map<DecisionKind, DecisionRank> inForce,
                            boolean byDefault, List<Change> history) {
    }

    record DelegationRequest(@NotNull LocalDate effectiveFrom, @NotNull Map<@NotNull DecisionKind, @NotNull DecisionRank> levels) {
    }

    record DelegationWritten(String district, long version) {
    }

    @Operation(summary = "The delegation in force today, and every change with its date (the history)")
    @GetMapping
    DelegationAnswer get(@PathVariable String district) {
        access.requireOwnDistrict(district);
        LocalDate today = Deadlines.localDate(clock.instant());
        List<DelegationHistory.Change> changes = history.changes(district);
        Delegation inForce = DelegationHistory.inForce(changes, today);
        return new DelegationAnswer(district, today, Levels.of(inForce).levels(), inForce.equals(Delegation.DEFAULT),
                changes.stream().map(c -> new Change(c.effectiveFrom(), Levels.of(c.delegation()).levels(), c.recordedAt(),
                        c.recordedBy())).toList());
    }

    @Operation(summary = "Change the delegation from a date on (today or later): every decision kind's lowest role")
    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> change(@PathVariable String district, @Valid @RequestBody DelegationRequest body,
                                  HttpServletRequest http) {
        access.requireOwnDistrict(district);
        return writes.write(WriteRequest.of(http, body), ChangeDelegation.idOf(district), HttpStatus.OK, null,
                version -> ChangeDelegation.of(district, body.effectiveFrom(), new Delegation(body.levels()), version),
                (id, version) -> new DelegationWritten(district, version));
    }
}
