package se.tidigt.gateway.spread;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/**
 * The report's words and number formats in Swedish and English. Numbers are written with a plain hyphen for
 * minus and plain spaces, so the PDF's standard fonts print every character.
 */
final class ReportWords {
    private final boolean sv;
    private final Map<String, String> words;

    private ReportWords(boolean sv, Map<String, String> words) {
        this.sv = sv;
        this.words = words;
    }

    static ReportWords of(String lang) {
        return "en".equals(lang) ? new ReportWords(false, EN) : new ReportWords(true, SV);
    }

    boolean swedish() {
        return sv;
    }

    String t(String key) {
        String word = words.get(key);
        if (word == null) {
            throw new IllegalArgumentException("No report word " + key);
        }
        return word;
    }

    String number(Double value, int decimals) {
        if (value == null) {
            return t("notKnown");
        }
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setGroupingSeparator(sv ? ' ' : ',');
        symbols.setDecimalSeparator(sv ? ',' : '.');
        symbols.setMinusSign('-');
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals), symbols);
        return format.format(value);
    }

    String signed(Double value, int decimals) {
        return value == null ? t("notKnown") : (value > 0 ? "+" : "") + number(value, decimals);
    }

    String points(Double share) {
        return share == null ? t("notKnown") : signed(share * 100, 0);
    }

    String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    String parameter(String name) {
        return t("p." + name);
    }

    String unit(String unit) {
        return t("u." + unit);
    }

    private static final Map<String, String> SV = Map.ofEntries(
            Map.entry("title", "Spridning av arbetsmodellen till hela staden"),
            Map.entry("subtitle", "Utredning för nämnden"),
            Map.entry("synthetic", "Syntetiska demodata - inga verkliga barn eller ärenden"),
            Map.entry("summary", "Sammanfattning"),
            Map.entry("evidence", "Underlaget: effekten och dess osäkerhet"),
            Map.entry("districts", "Stadsdelarna"),
            Map.entry("scenario", "Scenario: spridning i vågor"),
            Map.entry("costs", "Kostnader och samhällsekonomi"),
            Map.entry("parameters", "Antaganden och källor"),
            Map.entry("uncertainties", "Osäkerheter"),
            Map.entry("chart", "Väntad vinst mot kostnad per stadsdel"),
            Map.entry("notKnown", "ej känt"),
            Map.entry("district", "Stadsdel"), Map.entry("status", "Läge"),
            Map.entry("concerns", "Orosanmälningar per år"), Map.entry("gain", "Fler familjer som tackar ja per år"),
            Map.entry("interval", "95 % intervall"), Map.entry("fte", "Årsarbetare som behövs"),
            Map.entry("gap", "Att rekrytera"), Map.entry("cost", "Kostnad per år, kr"), Map.entry("n", "Antal (n)"),
            Map.entry("ADOPTED", "Har modellen sedan"), Map.entry("PLANNED", "Planerad, våg"),
            Map.entry("NOT_PLANNED", "Inte planerad"), Map.entry("from", "från"),
            Map.entry("year", "År"), Map.entry("live", "Stadsdelar igång"), Map.entry("families", "Fler familjer"),
            Map.entry("recruit", "Att rekrytera"), Map.entry("budget", "Budget, kr"), Map.entry("avoided", "Undvikna kostnader, kr"),
            Map.entry("npv", "Nettonuvärde hittills, kr"), Map.entry("noScenario", "Alla stadsdelar har redan modellen."),
            Map.entry("power", "Planens styrka att visa effekten"),
            Map.entry("m.acceptanceRate", "andelen familjer som tackar ja"),
            Map.entry("m.concernToAcceptedIntervention", "andelen orosanmälningar som leder till stöd som tas emot"),
            Map.entry("m.placementWithin24m", "andelen barn som placeras inom 24 månader"),
            Map.entry("teamCases", "Ärenden per årsarbetare och år i teamet"),
            Map.entry("teamCostYear", "Teamets kostnad per år och stadsdel, kr"),
            Map.entry("teamCostFte", "Kostnad per årsarbetare, kr"),
            Map.entry("teamCostFamily", "Kostnad per familj som tackat ja, kr"),
            Map.entry("payer", "Betalare"), Map.entry("perYear", "Undvikna kostnader per år, kr"),
            Map.entry("presentValue", "Nuvärde över horisonten, kr"),
            Map.entry("municipality", "Kommunen"), Map.entry("region", "Regionen"), Map.entry("state", "Staten"),
            Map.entry("value", "Värde"), Map.entry("unitHead", "Enhet"), Map.entry("source", "Källa"),
            Map.entry("setIn", "Satt i"), Map.entry("parameter", "Antagande"),
            Map.entry("s.default", "standardvärde"), Map.entry("s.configuration", "stadens inställning"),
            Map.entry("s.request", "scenariot"),
            Map.entry("p.discountRate", "Diskonteringsränta"), Map.entry("p.hvbCostPerDay", "Kostnad per dygn i HVB"),
            Map.entry("p.familyHomeCostPerDay", "Kostnad per dygn i familjehem"),
            Map.entry("p.hvbShareOfDays", "Andel placeringsdygn i HVB"),
            Map.entry("p.daysPerPlacement", "Dygn per placering"),
            Map.entry("p.regionCostPerPlacementDay", "Regionens kostnad per placeringsdygn"),
            Map.entry("p.compulsoryShareOfDays", "Andel dygn enligt LVU"),
            Map.entry("p.stateCostPerCompulsoryDay", "Statens kostnad per LVU-dygn"),
            Map.entry("p.savingsLagYears", "År innan besparingen kommer"),
            Map.entry("p.ordinaryCostShare", "Andel av kostnaden som ordinarie arbete ändå har"),
            Map.entry("u.share/year", "andel per år"), Map.entry("u.SEK/day", "kr per dygn"), Map.entry("u.share", "andel"),
            Map.entry("u.days", "dygn"), Map.entry("u.years", "år"));

    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("title", "Spreading the work model to the whole city"),
            Map.entry("subtitle", "An investigation for the committee"),
            Map.entry("synthetic", "Synthetic demo data - no real children or cases"),
            Map.entry("summary", "Summary"),
            Map.entry("evidence", "The evidence: the effect and its uncertainty"),
            Map.entry("districts", "The districts"),
            Map.entry("scenario", "Scenario: spreading in waves"),
            Map.entry("costs", "Costs and the socio-economic view"),
            Map.entry("parameters", "Assumptions and sources"),
            Map.entry("uncertainties", "Uncertainties"),
            Map.entry("chart", "Expected gain against cost per district"),
            Map.entry("notKnown", "not known"),
            Map.entry("district", "District"), Map.entry("status", "Status"),
            Map.entry("concerns", "Concerns a year"), Map.entry("gain", "Additional families accepting a year"),
            Map.entry("interval", "95 % interval"), Map.entry("fte", "Full-time posts needed"),
            Map.entry("gap", "To recruit"), Map.entry("cost", "Cost a year, SEK"), Map.entry("n", "Count (n)"),
            Map.entry("ADOPTED", "Has the model since"), Map.entry("PLANNED", "Planned, wave"),
            Map.entry("NOT_PLANNED", "Not planned"), Map.entry("from", "from"),
            Map.entry("year", "Year"), Map.entry("live", "Districts live"), Map.entry("families", "Additional families"),
            Map.entry("recruit", "To recruit"), Map.entry("budget", "Budget, SEK"), Map.entry("avoided", "Avoided costs, SEK"),
            Map.entry("npv", "Net present value so far, SEK"), Map.entry("noScenario", "Every district has the model already."),
            Map.entry("power", "The plan's power to show the effect"),
            Map.entry("m.acceptanceRate", "the share of families accepting"),
            Map.entry("m.concernToAcceptedIntervention", "the share of concerns leading to support accepted"),
            Map.entry("m.placementWithin24m", "the share of children placed within 24 months"),
            Map.entry("teamCases", "Cases per full-time post and year in the team"),
            Map.entry("teamCostYear", "The team's cost a year per district, SEK"),
            Map.entry("teamCostFte", "Cost per full-time post and year, SEK"),
            Map.entry("teamCostFamily", "Cost per family that accepted, SEK"),
            Map.entry("payer", "Payer"), Map.entry("perYear", "Avoided costs a year, SEK"),
            Map.entry("presentValue", "Present value over the horizon, SEK"),
            Map.entry("municipality", "Municipality"), Map.entry("region", "Region"), Map.entry("state", "State"),
            Map.entry("value", "Value"), Map.entry("unitHead", "Unit"), Map.entry("source", "Source"),
            Map.entry("setIn", "Set in"), Map.entry("parameter", "Assumption"),
            Map.entry("s.default", "default"), Map.entry("s.configuration", "the city's configuration"),
            Map.entry("s.request", "the scenario"),
            Map.entry("p.discountRate", "Discount rate"), Map.entry("p.hvbCostPerDay", "Cost of a day in an HVB home"),
            Map.entry("p.familyHomeCostPerDay", "Cost of a day in a family home"),
            Map.entry("p.hvbShareOfDays", "Share of placement days in HVB homes"),
            Map.entry("p.daysPerPlacement", "Days per placement"),
            Map.entry("p.regionCostPerPlacementDay", "The region's cost per placement day"),
            Map.entry("p.compulsoryShareOfDays", "Share of days under LVU"),
            Map.entry("p.stateCostPerCompulsoryDay", "The state's cost per LVU day"),
            Map.entry("p.savingsLagYears", "Years until the saving comes"),
            Map.entry("p.ordinaryCostShare", "Share of the cost ordinary work has anyway"),
            Map.entry("u.share/year", "share a year"), Map.entry("u.SEK/day", "SEK a day"), Map.entry("u.share", "share"),
            Map.entry("u.days", "days"), Map.entry("u.years", "years"));
}
