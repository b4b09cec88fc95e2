package se.tidigt.gateway.spread;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DoubleNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.tidigt.audit.accesslog.LoggedRead;
import se.tidigt.platform.idempotency.IdempotentWrites;
import se.tidigt.platform.idempotency.WriteRequest;
import se.tidigt.platform.problem.ApiProblem;
import se.tidigt.platform.actor.Actor;
import se.tidigt.platform.actor.Role;
import se.tidigt.platform.actor.Roles;
import se.tidigt.gateway.spread.SpreadAnswers.Investigation;
import se.tidigt.gateway.spread.SpreadAnswers.Scenario;
import se.tidigt.query.rollout.RolloutViews;
import se.tidigt.query.stats.StatisticsCache;
import se.tidigt.query.stats.StatisticsPosition;
import se.tidigt.rollout.api.DistrictCatalogue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The spread investigation (city analysts and platform admins): per district what the model would give, need and
 * cost; scenarios of waves; the report as PDF or printable HTML. The answer is kept as bytes per statistics state,
 * workModel, horizon and parameters, like the statistics' answers, so the report and the page reuse it.
 */
@RestController
@RequestMapping(path = "/api/v1/spread-investigation")
@Tag(name = "Spread investigation", description = "What spreading a work model would give, need and cost, per district")
@LoggedRead(caseLevel = false)
class SpreadController {
    static final int MAX_HORIZON_YEARS = 30;
    static final String PDF = "application/pdf";
    /**
     * The printable page's own content policy, in place of the API's (which allows nothing): its style sheet and the
     * chart's bar widths are inline; still no script, no fetch, no image, no framing.
     */
    static final String PRINTABLE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

    private final SpreadInvestigation investigation;
    private final SpreadScenarios scenarios;
    private final SpreadParameters parameters;
    private final SpreadReport report;
    private final RolloutViews rollout;
    private final DistrictCatalogue catalogue;
    private final StatisticsCache cache;
    private final IdempotentWrites idempotency;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    SpreadController(SpreadInvestigation investigation, SpreadScenarios scenarios, SpreadParameters parameters,
                     SpreadReport report, RolloutViews rollout, DistrictCatalogue catalogue, StatisticsCache cache,
                     IdempotentWrites idempotency, JdbcTemplate jdbc, ObjectMapper json) {
        this.investigation = investigation;
        this.scenarios = scenarios;
        this.parameters = parameters;
        this.report = report;
        this.rollout = rollout;
        this.catalogue = catalogue;
        this.cache = cache;
        this.idempotency = idempotency;
        this.jdbc = jdbc;
        this.json = json;
    }

    @Operation(summary = "The investigation for the city and each of today's districts: status and intake, the expected "
            + "effect with its interval, additional accepting families and children reached earlier a year, avoided placement "
            + "days where the placement effect is known, capacity, cost and the socio-economic view by payer, with every "
            + "parameter and its source; horizonYears 1 to 30")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Investigation get(@RequestParam(defaultValue = "VALLINGBY_TEAM") String workModel,
                      @RequestParam(defaultValue = "5") String horizonYears) {
        Actor actor = Roles.require(Role.CITY_ANALYST, Role.PLATFORM_ADMIN);
        int horizon = horizon(horizonYears);
        requireModel(workModel, "workModel");
        return investigate(actor, workModel, horizon, parameters.resolve(null));
    }

    @Operation(summary = "A scenario year by year: districts live, additional accepting families, posts to recruit, budget, "
            + "avoided costs and net present value, each with its interval, and the plan's power on acceptanceRate and "
            + "concernToAcceptedIntervention; dryRun true computes only, false also keeps it for the report (scenarioId)")
    @PostMapping(path = "/scenarios", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> scenario(@Valid @RequestBody ScenarioRequest body, HttpServletRequest http) {
        Actor actor = Roles.require(Role.CITY_ANALYST, Role.PLATFORM_ADMIN);
        requireModel(body.workModel(), "workModel");
        LocalDate today = investigation.today();
        Set<String> seen = new HashSet<>();
        for (String district : body.districts()) {
            if (!catalogue.isValidOn(district, today)) {
                throw ApiProblem.invalid("districts", "must be today's districts; " + district + " is not one");
            }
            if (!seen.add(district)) {
                throw ApiProblem.invalid("districts", "names " + district + " twice");
            }
        }
        if (body.waves() > body.districts().size()) {
            throw ApiProblem.invalid("waves", "must be at most the number of districts");
        }
        if (body.fte() != null && !seen.containsAll(body.fte().keySet())) {
            throw ApiProblem.invalid("fte", "names only districts of the scenario");
        }
        SpreadParameters.Values values = parameters.resolve(body.parameters());
        Investigation answer = investigate(actor, body.workModel(), body.horizon(), values);
        if (body.isDryRun()) {
            return ResponseEntity.ok(scenarios.scenario(actor.userId(), null, body, answer, values, true));
        }
        return idempotency.run(WriteRequest.of(http, body), actor.userId(), () -> {
            String id = UUID.randomUUID().toString();
            Scenario kept = scenarios.scenario(actor.userId(), id, body, answer, values, true);
            jdbc.update("INSERT INTO spread_scenario (scenario_id, created_by, document) VALUES (?, ?, ?::jsonb)", id,
                    actor.userId(), new String(write(kept), StandardCharsets.UTF_8));
            return ResponseEntity.status(HttpStatus.CREATED).body(kept);
        });
    }

    @Operation(summary = "The investigation as a report for a council committee: PDF (Accept: application/pdf) or a "
            + "printable page (text/html); lang sv or en; the kept scenario scenarioId, or a default one over the districts "
            + "that have not adopted the model")
    @GetMapping(path = "/report", produces = {PDF, MediaType.TEXT_HTML_VALUE})
    ResponseEntity<byte[]> report(@RequestParam(defaultValue = "sv") String lang,
                                  @RequestParam(defaultValue = "VALLINGBY_TEAM") String workModel,
                                  @RequestParam(defaultValue = "5") String horizonYears,
                                  @RequestParam(required = false) String scenarioId,
                                  @RequestHeader(value = "Accept", required = false) String accept) {
        Actor actor = Roles.require(Role.CITY_ANALYST, Role.PLATFORM_ADMIN);
        if (!lang.equals("sv") && !lang.equals("en")) {
            throw ApiProblem.invalid("lang", "must be sv or en");
        }
        int horizon = horizon(horizonYears);
        requireModel(workModel, "workModel");
        Scenario chosen = scenarioId == null ? null : kept(scenarioId);
        String model = chosen == null ? workModel : chosen.workModel();
        int years = chosen == null ? horizon : chosen.horizonYears();
        SpreadParameters.Values values = chosen == null ? parameters.resolve(null) : parameters.resolve(overrides(chosen));
        Investigation answer = investigate(actor, model, years, values);
        Scenario scenario = chosen != null ? chosen : defaultScenario(actor, answer, values);
        String html = report.html(answer, scenario, lang);
        boolean wantsHtml = accept != null && accept.contains(MediaType.TEXT_HTML_VALUE) && !accept.contains(PDF);
        String file = (lang.equals("sv") ? "spridning-" : "spread-") + investigation.today();
        if (wantsHtml) {
            return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .header("Content-Security-Policy", PRINTABLE_POLICY).body(html.getBytes(StandardCharsets.UTF_8));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"" + file + ".pdf\"").body(report.pdf(html));
    }

    /** The default scenario: the districts without the model, in up to four waves of six months from next month. */
    private Scenario defaultScenario(Actor actor, Investigation answer, SpreadParameters.Values values) {
        List<String> open = answer.notYetAdopted().districts();
        if (open.isEmpty()) {
            return null;
        }
        ScenarioRequest request = new ScenarioRequest(answer.workModel(), open,
                investigation.today().withDayOfMonth(1).plusMonths(1), Math.min(4, open.size()), 6, null, null,
                answer.horizonYears(), null, null, true);
        return scenarios.scenario(actor.userId(), null, request, answer, values, false);
    }

    /** The overrides a kept scenario was computed with, so the report prints it as it was decided. */
    private static Map<String, JsonNode> overrides(Scenario scenario) {
        Map<String, JsonNode> given = new TreeMap<>();
        scenario.parameters().stream().filter(p -> "request".equals(p.setIn())).forEach(p ->
                given.put(p.name(), DoubleNode.valueOf(p.value())));
        return given;
    }

    private Scenario kept(String scenarioId) {
        List<String> documents = jdbc.queryForList("SELECT document::text FROM spread_scenario WHERE scenario_id = ?",
                String.class, scenarioId);
        if (documents.isEmpty()) {
            throw ApiProblem.notFound("Scenario " + scenarioId);
        }
        try {
            return json.readValue(documents.get(0), Scenario.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A kept scenario does not read as its record", e);
        }
    }

    /** What an investigation's bytes depend on besides the statistics state. */
    private record Asked(String workModel, int horizon, Map<SpreadParameter, Double> parameters, LocalDate today) {
    }

    private Investigation investigate(Actor actor, String workModel, int horizon, SpreadParameters.Values values) {
        StatisticsPosition.State state = cache.state();
        byte[] bytes = cache.bytes(new Asked(workModel, horizon, values.values(), investigation.today()), state,
                () -> new StatisticsCache.Rendered(write(investigation.investigate(actor.userId(), workModel, horizon, values,
                        state)), new byte[0])).json();
        try {
            return json.readValue(bytes, Investigation.class);
        } catch (IOException e) {
            throw new IllegalStateException("A kept investigation does not read as its record", e);
        }
    }

    private byte[] write(Object answer) {
        try {
            return json.writeValueAsBytes(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void requireModel(String workModel, String field) {
        if (!rollout.workModelExists(workModel)) {
            throw ApiProblem.invalid(field, "is not a defined work model");
        }
    }

    private static int horizon(String text) {
        if (!text.matches("[0-9]{1,2}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > MAX_HORIZON_YEARS) {
            throw ApiProblem.invalid("horizonYears", "must be a whole number of years from 1 to " + MAX_HORIZON_YEARS);
        }
        return Integer.parseInt(text);
    }
}
