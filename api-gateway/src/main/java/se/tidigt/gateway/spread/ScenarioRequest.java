package se.tidigt.gateway.spread;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import se.tidigt.gateway.limits.Bounds;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A scenario: the districts in waves (the stepped wedge of the rollout plans, drawn from {@code seed}), optionally
 * the posts per district instead of what its intake needs, parameter overrides, the horizon, the power simulations,
 * and {@code dryRun}: compute only (true), or also keep the scenario for the report (false, the default).
 */
record ScenarioRequest(@NotBlank String workModel, @NotEmpty @Size(max = 100) List<@NotBlank String> districts,
                       @NotNull LocalDate firstWaveStart, @NotNull @Min(1) @Max(Bounds.MAX_WAVES) Integer waves,
                       @NotNull @Min(1) @Max(Bounds.MAX_MONTHS_PER_WAVE) Integer monthsPerWave,
                       @Size(max = 100) Map<String, @NotNull @DecimalMin("0") @DecimalMax("1000") BigDecimal> fte,
                       @Size(max = 50) Map<String, JsonNode> parameters,
                       @Min(1) @Max(SpreadController.MAX_HORIZON_YEARS) Integer horizonYears, Long seed,
                       @Min(Bounds.MIN_SIMULATIONS) @Max(Bounds.MAX_SIMULATIONS) Integer simulations, Boolean dryRun) {
    static final int DEFAULT_HORIZON = 5;
    static final long DEFAULT_SEED = 2026;
    static final int DEFAULT_SIMULATIONS = 100;

    boolean isDryRun() {
        return Boolean.TRUE.equals(dryRun);
    }

    int horizon() {
        return horizonYears == null ? DEFAULT_HORIZON : horizonYears;
    }

    long seedOrDefault() {
        return seed == null ? DEFAULT_SEED : seed;
    }

    int simulationCount() {
        return simulations == null ? DEFAULT_SIMULATIONS : simulations;
    }
}
