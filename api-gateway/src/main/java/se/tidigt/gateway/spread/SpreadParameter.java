package se.tidigt.gateway.spread;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every unit cost and rate the investigation uses, with its default, its unit, the range a value must lie in,
 * and the public source whose order of magnitude the default follows. The defaults are round, assumed figures,
 * never a quotation of the source: a city sets its own in configuration ({@code tidigt.spread.parameters.<name>})
 * or per scenario. docs/spread-investigation.md explains each.
 */
enum SpreadParameter {
    DISCOUNT_RATE("discountRate", 0.035, "share/year", 0, 0.2,
            "Trafikverket, Analysmetod och samhällsekonomiska kalkylvärden för transportsektorn; SKR, Sociala investeringar"),
    HVB_COST_PER_DAY("hvbCostPerDay", 4500, "SEK/day", 0, 50_000,
            "Kolada (RKA), kostnad för institutionsvård barn och unga; Socialstyrelsen, Öppna jämförelser"),
    FAMILY_HOME_COST_PER_DAY("familyHomeCostPerDay", 1600, "SEK/day", 0, 50_000,
            "Kolada (RKA), kostnad för familjehemsvård barn och unga; Socialstyrelsen, Öppna jämförelser"),
    HVB_SHARE_OF_DAYS("hvbShareOfDays", 0.35, "share", 0, 1,
            "Socialstyrelsen, Statistik om socialtjänstinsatser till barn och unga"),
    DAYS_PER_PLACEMENT("daysPerPlacement", 400, "days", 1, 7_000,
            "Socialstyrelsen, Statistik om socialtjänstinsatser till barn och unga"),
    REGION_COST_PER_PLACEMENT_DAY("regionCostPerPlacementDay", 150, "SEK/day", 0, 50_000,
            "Nilsson & Wadeskog, socioekonomiska bokslut (kostnader per aktör)"),
    COMPULSORY_SHARE_OF_DAYS("compulsoryShareOfDays", 0.3, "share", 0, 1,
            "Socialstyrelsen, Statistik om socialtjänstinsatser till barn och unga (LVU)"),
    STATE_COST_PER_COMPULSORY_DAY("stateCostPerCompulsoryDay", 3000, "SEK/day", 0, 50_000,
            "Statens institutionsstyrelse (SiS), årsredovisning"),
    SAVINGS_LAG_YEARS("savingsLagYears", 1, "years", 0, 10,
            "Tidigt, docs/spread-investigation.md"),
    ORDINARY_COST_SHARE("ordinaryCostShare", 0.0, "share", 0, 1,
            "Tidigt, docs/spread-investigation.md");

    private final String apiName;
    private final double defaultValue;
    private final String unit;
    private final double min;
    private final double max;
    private final String source;

    SpreadParameter(String apiName, double defaultValue, String unit, double min, double max, String source) {
        this.apiName = apiName;
        this.defaultValue = defaultValue;
        this.unit = unit;
        this.min = min;
        this.max = max;
        this.source = source;
    }

    String apiName() {
        return apiName;
    }

    double defaultValue() {
        return defaultValue;
    }

    String unit() {
        return unit;
    }

    String source() {
        return source;
    }

    /** Whether a value is allowed: finite and within the parameter's range. */
    boolean allows(double value) {
        return Double.isFinite(value) && value >= min && value <= max;
    }

    String range() {
        return "must be a number from " + format(min) + " to " + format(max);
    }

    static Optional<SpreadParameter> named(String name) {
        return Arrays.stream(values()).filter(p -> p.apiName.equals(name)).findFirst();
    }

    /**
     * As configuration names it: an environment variable's key arrives in lower case and a properties file may write
     * it in kebab case (hvb-cost-per-day), so case and dashes are ignored.
     */
    static Optional<SpreadParameter> configured(String name) {
        String loose = name.replace("-", "").toLowerCase(java.util.Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.apiName.toLowerCase(java.util.Locale.ROOT).equals(loose)).findFirst();
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
