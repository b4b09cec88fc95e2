package se.tidigt.gateway.rollout;

import jakarta.validation.constraints.DecimalMax;
import se.tidigt.gateway.limits.Bounds;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import se.tidigt.rollout.api.RolloutDesign;
import se.tidigt.rollout.api.SuspensionReason;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The bodies of the rollout endpoints, named as the REST contract (the OpenAPI document) names them. */
final class RolloutRequests {
    private RolloutRequests() {
    }

    record WorkModelRequest(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}",
            message = "must be 2 to 64 capital letters, digits or _ (e.g. VALLINGBY_TEAM)") String code, @NotBlank @Size(max = 200) String name,
                            @NotEmpty List<@NotBlank @Size(max = 500) String> principles) {
    }

    record AdoptionRequest(@NotBlank String workModel, @NotNull LocalDate effectiveFrom) {
    }

    record SuspensionRequest(@NotBlank String workModel, @NotNull LocalDate effectiveFrom, @NotNull SuspensionReason reason,
                             @Size(max = 2000) String note) {
    }

    record FundingRequest(@NotBlank @Size(max = 200) String source, @NotNull @Positive @Max(100_000_000_000L) Long amountSek,
                          @NotNull LocalDate from, @NotNull LocalDate to) {
    }

    /** A district's team, in full-time equivalents: a thousand is far beyond any district's staff. */
    record StaffingRequest(@NotNull LocalDate effectiveFrom, @NotNull @DecimalMin("0") @DecimalMax("1000") BigDecimal budgetedFte,
                           @NotNull @DecimalMin("0") @DecimalMax("1000") BigDecimal filledFte) {
    }

    /**
     * A plan; optionally the effect it should be able to show ({@code targetEffect}, an absolute difference in
     * acceptance), volumes and rates to assume instead of the districts' own, how many simulations, and
     * {@code dryRun}: simulate only, store nothing.
     */
    record PlanRequest(@NotBlank String workModel, @NotEmpty List<@NotBlank String> districts,
                       @NotNull LocalDate firstWaveStart, @NotNull @Min(1) @Max(Bounds.MAX_WAVES) Integer waves,
                       @NotNull @Min(1) @Max(Bounds.MAX_MONTHS_PER_WAVE) Integer monthsPerWave, @NotNull RolloutDesign design,
                       @NotNull Long seed,
                       @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double targetEffect,
                       Boolean dryRun,
                       @DecimalMin("1") @DecimalMax("100000") Double answersPerMonth,
                       @DecimalMin("0") @DecimalMax("1") Double acceptanceRate,
                       @Min(Bounds.MIN_SIMULATIONS) @Max(Bounds.MAX_SIMULATIONS) Integer simulations, String metric) {

        boolean isDryRun() {
            return Boolean.TRUE.equals(dryRun);
        }

        int simulationCount() {
            return simulations == null ? 200 : simulations;
        }
    }
}
