package se.tidigt.gateway.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
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
import se.tidigt.platform.idempotency.IdempotentWrites;
import se.tidigt.platform.idempotency.WriteRequest;
import se.tidigt.gateway.limits.Bounds;
import se.tidigt.gateway.limits.ExpensiveRequests;
import se.tidigt.platform.problem.ApiProblem;
import se.tidigt.gateway.rollout.RolloutRequests.PlanRequest;
import se.tidigt.platform.actor.Actor;
import se.tidigt.platform.actor.CurrentActor;
import se.tidigt.platform.actor.Role;
import se.tidigt.platform.actor.Roles;
import se.tidigt.query.rollout.RolloutPlanView;
import se.tidigt.query.rollout.RolloutViews;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.tidigt.query.stats.effect.EffectMetric;
import se.tidigt.query.stats.effect.PlanPowers;
import se.tidigt.rollout.api.ApproveRolloutPlan;
import se.tidigt.rollout.api.DistrictCatalogue;
import se.tidigt.rollout.api.PlanRules;
import se.tidigt.rollout.api.RolloutDesign;
import se.tidigt.rollout.api.SteppedWedge;
import se.tidigt.rollout.api.CreateRolloutPlan;
import se.tidigt.rollout.api.PlanAdoption;
import se.tidigt.rollout.api.WaveAssignment;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * City rollout plans: a stepped-wedge schedule drawn from a seed, recorded with who made it; once
 * approved, each district's wave start becomes its planned adoption, in the same transaction.
 */
@RestController
@RequestMapping(path = "/api/v1/rollout-plans", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Rollout")
class RolloutPlanController {
    private final CommandGateway commands;
    private final IdempotentWrites idempotency;
    private final RolloutViews rollout;
    private final Clock clock;
    private final PlanPowers powers;
    private final DistrictCatalogue catalogue;
    private final ExpensiveRequests expensive;

    RolloutPlanController(CommandGateway commands, IdempotentWrites idempotency, RolloutViews rollout, Clock clock,
                          PlanPowers powers, DistrictCatalogue catalogue, ExpensiveRequests expensive) {
        this.expensive = expensive;
        this.powers = powers;
        this.catalogue = catalogue;
        this.commands = commands;
        this.idempotency = idempotency;
        this.rollout = rollout;
        this.clock = clock;
    }

    @Operation(summary = "Make a rollout plan (city analyst or platform admin): each district's wave and start, the power "
            + "to detect targetEffect and the minimum detectable effect at 80 % power; dryRun: true simulates and stores nothing")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> create(@Valid @RequestBody PlanRequest body, HttpServletRequest http) {
        Actor actor = Roles.require(Role.CITY_ANALYST, Role.PLATFORM_ADMIN);
        if ((long) body.waves() * body.monthsPerWave() > Bounds.MAX_PLAN_MONTHS) {
            throw ApiProblem.invalid("monthsPerWave", "waves × monthsPerWave must be at most " + Bounds.MAX_PLAN_MONTHS);
        }
        if (!rollout.workModelExists(body.workModel())) {
            throw ApiProblem.invalid("workModel", "is not a defined work model");
        }
        EffectMetric metric = powerMetric(body.metric());
        String planId = UUID.randomUUID().toString();
        CreateRolloutPlan create = new CreateRolloutPlan(planId, body.workModel(), body.districts(), body.firstWaveStart(),
                body.waves(), body.monthsPerWave(), body.design(), body.seed(), actor.userId(), clock.instant());
        if (body.isDryRun()) {
            PlanRules.check(create, catalogue);
            List<WaveAssignment> schedule = SteppedWedge.schedule(body.districts(), body.firstWaveStart(), body.waves(),
                    body.monthsPerWave(), body.seed());
            PowerAnalysis power = power(schedule, body, metric);
            return ResponseEntity.ok(new DryRun(true, null, body.workModel(), body.design(), body.seed(), schedule,
                    SteppedWedge.comparisonDistricts(schedule), power.power(), power.minimumDetectableEffect(), power.analysis()));
        }
        return idempotency.run(WriteRequest.of(http, body), actor.userId(), () -> {
            commands.sendAndWait(create);
            RolloutPlanView plan = plan(planId);
            return ResponseEntity.created(URI.create("/api/v1/rollout-plans/" + planId))
                    .body(power(plan.schedule(), body, metric).of(plan));
        });
    }

    /** The plan's power, simulated with the platform's estimator (docs/statistics.md, "Power of a rollout plan"). */
    private PowerAnalysis power(List<WaveAssignment> schedule, PlanRequest body, EffectMetric metric) {
        return PowerAnalysis.of(expensive.run(CurrentActor.get().userId(), () -> powers.power(metric, schedule, body.monthsPerWave(),
                body.seed(), body.targetEffect(), body.answersPerMonth(), body.acceptanceRate(), body.simulationCount())));
    }


    /** The metric a plan's power is simulated for: acceptance unless named; a share whose parts /stats publishes. */
    private static EffectMetric powerMetric(String name) {
        if (name == null) {
            return EffectMetric.ACCEPTANCE_RATE;
        }
        EffectMetric metric;
        try {
            metric = EffectMetric.fromApiName(name);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("metric", "must be one of " + PlanPowers.simulatedNames());
        }
        if (!PlanPowers.simulates(metric)) {
            throw ApiProblem.invalid("metric", "must be one of " + PlanPowers.simulatedNames()
                    + " (the power is simulated for shares whose parts the statistics publish)");
        }
        return metric;
    }

    /** The estimator's analysis (statistics output, keyed as /stats keys it) and the two figures a plan shows first. */
    private record PowerAnalysis(JsonNode power, JsonNode minimumDetectableEffect, ObjectNode analysis) {
        static PowerAnalysis of(ObjectNode analysis) {
            return new PowerAnalysis(analysis.get("power"), analysis.get("minimumDetectableEffect"), analysis);
        }

        PlanWithPower of(RolloutPlanView plan) {
            return new PlanWithPower(plan, power, minimumDetectableEffect, analysis);
        }
    }

    /** A dry run's answer: the schedule the plan would have, with its power; nothing is stored, so no planId. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record DryRun(boolean dryRun, String planId, String workModel, RolloutDesign design, Long seed,
                  List<WaveAssignment> schedule, Map<Integer, List<String>> comparisonByWave, JsonNode power,
                  JsonNode minimumDetectableEffect, ObjectNode powerAnalysis) {
    }

    /** A stored plan with its power: the plan's fields, then the power figures (null where not estimable). */
    record PlanWithPower(@JsonUnwrapped RolloutPlanView plan, @JsonInclude(JsonInclude.Include.ALWAYS) JsonNode power,
                         @JsonInclude(JsonInclude.Include.ALWAYS) JsonNode minimumDetectableEffect,
                         ObjectNode powerAnalysis) {
    }

    @Operation(summary = "A rollout plan: its schedule, the comparison districts of each wave, its approval; with "
            + "?targetEffect= also its power (simulated anew from today's data) and minimum detectable effect")
    @GetMapping("/{planId}")
    Object get(@PathVariable String planId, @RequestParam(required = false) Double targetEffect,
               @RequestParam(required = false) String metric) {
        RolloutPlanView plan = plan(planId);
        if (targetEffect == null) {
            return plan;
        }
        if (targetEffect <= 0 || targetEffect > 1) {
            throw ApiProblem.invalid("targetEffect", "must be above 0 and at most 1");
        }
        EffectMetric chosen = powerMetric(metric);
        return PowerAnalysis.of(expensive.run(CurrentActor.get().userId(),
                () -> powers.power(chosen, plan.schedule(), plan.monthsPerWave(), plan.seed(), targetEffect, null, null, 200)))
                .of(plan);
    }

    @Operation(summary = "Approve a plan (platform admin): its wave starts become the districts' planned adoptions")
    @PostMapping(path = "/{planId}/approval")
    ResponseEntity<Object> approve(@PathVariable String planId, HttpServletRequest http) {
        Actor actor = Roles.require(Role.PLATFORM_ADMIN);
        RolloutPlanView plan = plan(planId);
        return idempotency.run(WriteRequest.of(http, planId), actor.userId(), () -> {
            commands.sendAndWait(new ApproveRolloutPlan(planId, actor.userId(), clock.instant()));
            for (WaveAssignment assignment : plan.schedule()) {
                commands.sendAndWait(new PlanAdoption(assignment.district(), plan.workModel(), assignment.start(), planId,
                        assignment.wave(), null));
            }
            return ResponseEntity.status(HttpStatus.OK).body(plan(planId));
        });
    }

    private RolloutPlanView plan(String planId) {
        return rollout.plan(planId).orElseThrow(() -> ApiProblem.notFound("Rollout plan " + planId));
    }
}
