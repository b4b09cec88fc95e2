package se.tidigt.query.stats.effect;

import java.util.List;

/**
 * The rollout effect as published: shares −1..1 (or days), estimates rounded to whole percentage
 * points (whole days), bounds rounded outwards; a figure withheld under the output rules is null with
 * the reason beside it. Serialised by Jackson as it stands.
 */
public record EffectAnswer(String workModel, String metric, String unit, String method, String period,
                           String lastCompleteMonth, int anticipation, Filters filters, List<DistrictRow> districts,
                           List<GroupTimeCell> groupTime, Aggregate aggregate, List<EstimateRow> cohorts,
                           List<EventPoint> eventStudy, PreTrendTest preTrendTest, AnticipationCheck anticipationCheck,
                           List<Sensitivity> sensitivity, List<SpellEffect> spells, Randomisation randomisationInference,
                           List<String> warnings, String caveat, OutputRules protection) {

    public record Filters(String from, String to, List<String> concern, List<String> ignored) {
    }

    public record Spell(String from, String to) {
    }

    public record Month(String month, String reason) {
    }

    public record DistrictRow(String district, String adoption, String firstAdoption, Integer windowMonths, String baseFrom,
                              String baseTo, boolean excluded, String exclusionReason, Double att, Double low, Double high,
                              Integer n, List<Spell> spells, List<Month> excludedMonths) {
    }

    public record GroupTimeCell(String group, String from, String to, String basePeriod, int eventTime, int months, Double att,
                                Double low, Double high, int treatedDistricts, int comparisonDistricts, String withheld) {
    }

    public record Excluded(String district, String reason) {
    }

    public record Points(Double att, Double low, Double high) {
    }

    public record Aggregate(Double att, Double low, Double high, String interval, Points percentagePoints, Integer n,
                            int adoptedDistricts, int treatedDistricts, int comparisonDistricts, int cells, int withheldCells,
                            List<Excluded> excludedDistricts, Double pValue, String withheld) {
    }

    public record EstimateRow(String group, List<String> districts, int windowMonths, Double att, Double low, Double high,
                              Integer n) {
    }

    public record EventPoint(int monthsSinceAdoption, Double att, Double low, Double high, long cells, long cohorts) {
    }

    public record PreTrendTest(String hypothesis, String method, Double statistic, Double pValue, int cells) {
    }

    public record AnticipationCheck(String months, Double att, Double pValue) {
    }

    public record Sensitivity(double mBar, Double low, Double high) {
    }

    public record SpellEffect(String district, String kind, String from, String to, Double estimate, Double low, Double high,
                              int comparisonDistricts, String withheld) {
    }

    public record Randomisation(boolean available, String order, String planId, Long planSeed, int draws, long seed,
                                Double pValue, String reason) {
    }

    public record OutputRules(String method, int minimumAnswers, int minimumComparisonDistricts, String rounding,
                              String source) {
    }
}
