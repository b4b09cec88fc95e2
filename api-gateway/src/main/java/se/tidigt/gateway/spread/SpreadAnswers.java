package se.tidigt.gateway.spread;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The investigation's answers as Jackson serialises them. Every figure carries the number of records it rests
 * on ({@code n}: protected counts, never an exact small one) and, where it is not known, null values with the
 * reason in words.
 */
final class SpreadAnswers {
    private SpreadAnswers() {
    }

    /** A figure with its interval from the effect's (low/high null where it has none), its n and unit. */
    record Figure(Double value, Double low, Double high, Long n, String unit, String reason) {
        static Figure unknown(String unit, String reason) {
            return new Figure(null, null, null, null, unit, reason);
        }

        boolean known() {
            return value != null;
        }
    }

    record Parameter(String name, double value, String unit, String source, String setIn) {
    }

    /** The effect used for a district: its own (an adopted district) or the pooled one, from the evidence engine. */
    record EffectUsed(String metric, String basis, Double estimate, Double low, Double high, Integer n, String reason) {
        boolean known() {
            return estimate != null;
        }
    }

    record Status(String kind, LocalDate since, LocalDate plannedStart, Integer wave, String planId) {
    }

    /** The district's intake over the last 12 complete months, protected like every count. */
    record Intake(String from, String to, Long concernsPerYear, Long answeredOffersPerYear, Long acceptedPerYear,
                  Long childrenPerYear) {
    }

    record Capacity(Figure fteNeeded, BigDecimal budgetedFteToday, BigDecimal filledFteToday, Figure recruitmentGap) {
    }

    record Cost(Figure yearlyCostSek, Figure incrementalCostPerAdditionalAcceptedFamilySek) {
    }

    record Payers(Figure municipality, Figure region, Figure state) {
    }

    record Socioeconomic(Payers avoidedCostsPerYearSek, Payers presentValueSek, Figure netPresentValueSek,
                         Figure breakEvenYear, String reason) {
    }

    record DistrictRow(String district, String name, Status status, Intake intake, EffectUsed expectedEffect,
                       EffectUsed effectOnConcernToAcceptedIntervention, EffectUsed effectOnPlacementWithin24m,
                       Figure expectedAdditionalAcceptancesPerYear, Figure expectedChildrenReachedEarlierPerYear,
                       Figure avoidedPlacementDaysPerYear, Capacity capacity, Cost cost, Socioeconomic socioeconomic) {
    }

    record CapacityYear(int year, Long concerns, double filledFteYears, Double casesPerFilledFte, long costSek) {
    }

    /** What the team's own records show: caseload per filled post and cost, over time. */
    record Team(Figure casesPerFilledFte, Figure costPerYearSek, Figure costPerFilledFteYearSek,
                Figure costPerAcceptedFamilySek, List<CapacityYear> overTime, String source) {
    }

    /** The sums over the districts that have not adopted the model: what spreading it to the whole city gives. */
    record Totals(List<String> districts, Figure expectedAdditionalAcceptancesPerYear,
                  Figure expectedChildrenReachedEarlierPerYear, Figure avoidedPlacementDaysPerYear, Figure fteNeeded,
                  Figure recruitmentGap, Figure yearlyCostSek, Payers avoidedCostsPerYearSek, Figure netPresentValueSek) {
    }

    record Protection(String counts, String effect) {
    }

    record Investigation(String workModel, int horizonYears, String intakeFrom, String intakeTo, boolean synthetic,
                         EffectUsed pooledEffect, EffectUsed pooledEffectOnConcernToAcceptedIntervention,
                         EffectUsed pooledEffectOnPlacementWithin24m, Team team, Totals notYetAdopted,
                         List<DistrictRow> districts, List<Parameter> parameters, String caveat, List<String> warnings,
                         List<se.tidigt.query.stats.effect.EffectAnswer.Sensitivity> sensitivity, Protection protection,
                         String method) {
    }

    /** One year of a scenario, each figure with its interval. */
    record ScenarioYear(int year, LocalDate from, LocalDate to, int districtsLive, Figure additionalAcceptingFamilies,
                        Figure fteToRecruit, Figure budgetSek, Figure avoidedCostsSek, Figure netSek,
                        Figure cumulativeNetPresentValueSek) {
    }

    record ScenarioDistrict(String district, int wave, LocalDate start, Figure fte, Figure yearlyCostSek,
                            Figure expectedAdditionalAcceptancesPerYear) {
    }

    record PlanPower(String metric, Double targetEffect, Double power, Double minimumDetectableEffect, String reason) {
    }

    record Scenario(String scenarioId, boolean dryRun, String workModel, LocalDate firstWaveStart, int waves,
                    int monthsPerWave, int horizonYears, long seed, List<ScenarioDistrict> schedule,
                    List<ScenarioYear> years, Figure netPresentValueSek, List<PlanPower> power,
                    List<Parameter> parameters, boolean synthetic) {
    }
}
