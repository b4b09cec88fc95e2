package se.tidigt.gateway.spread;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.stereotype.Component;
import se.tidigt.gateway.spread.SpreadAnswers.DistrictRow;
import se.tidigt.gateway.spread.SpreadAnswers.EffectUsed;
import se.tidigt.gateway.spread.SpreadAnswers.Figure;
import se.tidigt.gateway.spread.SpreadAnswers.Investigation;
import se.tidigt.gateway.spread.SpreadAnswers.Scenario;
import se.tidigt.query.rollout.RolloutViews;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The investigation as a document a council committee reads: summary in plain words, the evidence and what it
 * cannot prove, the districts with a chart of gain against cost, the scenario, costs and the socio-economic view
 * with every assumption and its source, and the uncertainties; marked when the data are synthetic. One XHTML
 * page, printable as it is and laid out as PDF by openhtmltopdf (the charts are CSS bars, so both show them).
 */
@Component
class SpreadReport {
    private static final String STYLE = """
            @page { size: A4; margin: 18mm 15mm; }
            body { font-family: sans-serif; font-size: 10pt; color: #1a1a1a; max-width: 60rem; margin: 0 auto; padding: 0 0.5rem; }
            h1 { font-size: 18pt; margin-bottom: 0; } h2 { font-size: 13pt; margin-top: 1.4em; border-bottom: 1px solid #999; }
            .synthetic { border: 2px solid #a33; color: #a33; padding: 4px 8px; font-weight: bold; }
            table { border-collapse: collapse; width: 100%; margin: 0.5em 0; font-size: 8.5pt; }
            th, td { border: 1px solid #bbb; padding: 3px 4px; text-align: left; vertical-align: top; }
            td.num { text-align: right; white-space: nowrap; }
            tr, li, .bar-row { page-break-inside: avoid; }
            thead { display: table-header-group; }
            .bars { margin: 0.5em 0; } .bar-row { margin: 2px 0; }
            .bar-label { font-size: 8.5pt; } .track { background: #eee; height: 8px; width: 100%; }
            .gain { background: #1f6f43; height: 8px; } .cost { background: #8a5a00; height: 8px; }
            .legend span { display: inline-block; width: 10px; height: 8px; margin-right: 4px; }
            @media print { body { max-width: none; } }
            """;

    private final RolloutViews rollout;

    SpreadReport(RolloutViews rollout) {
        this.rollout = rollout;
    }

    String html(Investigation inv, Scenario scenario, String lang) {
        ReportWords w = ReportWords.of(lang);
        String model = rollout.workModels().stream().filter(m -> m.code().equals(inv.workModel())).map(m -> m.name())
                .findFirst().orElse(inv.workModel());
        StringBuilder h = new StringBuilder(32_768);
        h.append("<!DOCTYPE html>\n<html lang=\"").append(w.swedish() ? "sv" : "en").append("\"><head><meta charset=\"utf-8\"/>")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/><title>")
                .append(esc(w.t("title"))).append("</title><style>").append(STYLE).append("</style></head><body>");
        h.append("<h1>").append(esc(w.t("title"))).append("</h1><p>").append(esc(model)).append(" - ").append(esc(w.t("subtitle")))
                .append(", ").append(esc(inv.intakeTo())).append("</p>");
        if (inv.synthetic()) {
            h.append("<p class=\"synthetic\" role=\"note\">").append(esc(w.t("synthetic"))).append("</p>");
        }
        summary(h, inv, w);
        evidence(h, inv, w);
        districts(h, inv, w);
        scenario(h, scenario, w);
        costs(h, inv, w);
        parameters(h, inv, w);
        uncertainties(h, inv, w);
        return h.append("</body></html>").toString();
    }

    byte[] pdf(String html) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void summary(StringBuilder h, Investigation inv, ReportWords w) {
        SpreadAnswers.Totals t = inv.notYetAdopted();
        Figure gain = t.expectedAdditionalAcceptancesPerYear();
        h.append("<h2>").append(esc(w.t("summary"))).append("</h2><p>");
        if (t.districts().isEmpty()) {
            h.append(esc(w.t("noScenario")));
        } else if (w.swedish()) {
            h.append("Om modellen sprids till de ").append(t.districts().size()).append(" stadsdelar som ännu inte har den väntas omkring ")
                    .append(w.number(gain.value(), 0)).append(" fler familjer om året tacka ja till erbjudet stöd (95 % intervall ")
                    .append(range(gain, w, 0)).append("). Det kräver omkring ").append(w.number(t.fteNeeded().value(), 1))
                    .append(" årsarbetare, varav ").append(w.number(t.recruitmentGap().value(), 1))
                    .append(" behöver rekryteras, och kostar omkring ").append(w.number(t.yearlyCostSek().value(), 0))
                    .append(" kronor om året.");
        } else {
            h.append("Spreading the model to the ").append(t.districts().size()).append(" districts that do not have it is expected to bring about ")
                    .append(w.number(gain.value(), 0)).append(" more families a year to accept the support offered (95 % interval ")
                    .append(range(gain, w, 0)).append("). It needs about ").append(w.number(t.fteNeeded().value(), 1))
                    .append(" full-time posts, of which ").append(w.number(t.recruitmentGap().value(), 1))
                    .append(" must be recruited, and costs about ").append(w.number(t.yearlyCostSek().value(), 0)).append(" SEK a year.");
        }
        h.append("</p><p>");
        if (t.netPresentValueSek().known()) {
            Figure npv = t.netPresentValueSek();
            h.append(w.swedish() ? "Med effekten på placeringar blir det samhällsekonomiska nettonuvärdet över " + inv.horizonYears() + " år "
                    : "With the effect on placements, the socio-economic net present value over " + inv.horizonYears() + " years is ")
                    .append(w.number(npv.value(), 0)).append(w.swedish() ? " kronor" : " SEK")
                    .append(npv.low() == null || npv.high() == null
                            ? (w.swedish() ? " (intervallet kan inte anges)." : " (its interval cannot be given).")
                            : (w.swedish() ? " (95 % intervall " : " (95 % interval ") + range(npv, w, 0) + ").");
        } else {
            h.append(esc(w.swedish() ? "Effekten på placeringar är ännu inte känd, så undvikna kostnader och nettonuvärde redovisas inte."
                    : "The effect on placements is not known yet, so avoided costs and the net present value are not given: "
                    + t.netPresentValueSek().reason()));
        }
        h.append("</p>");
    }

    private static void evidence(StringBuilder h, Investigation inv, ReportWords w) {
        h.append("<h2>").append(esc(w.t("evidence"))).append("</h2><ul>");
        for (EffectUsed e : List.of(inv.pooledEffect(), inv.pooledEffectOnConcernToAcceptedIntervention(),
                inv.pooledEffectOnPlacementWithin24m())) {
            h.append("<li>").append(esc(capital(w.t("m." + e.metric())))).append(": ");
            if (e.known()) {
                h.append(w.points(e.estimate())).append(w.swedish() ? " procentenheter (95 % intervall " : " percentage points (95 % interval ")
                        .append(w.points(e.low())).append(w.swedish() ? " till " : " to ").append(w.points(e.high())).append("), n = ")
                        .append(e.n() == null ? w.t("notKnown") : w.number(e.n().doubleValue(), 0)).append(".");
            } else {
                h.append(esc(w.t("notKnown"))).append(w.swedish() ? "." : ": " + esc(e.reason()));
            }
            h.append("</li>");
        }
        h.append("</ul>");
        if (!inv.sensitivity().isEmpty()) {
            h.append("<p>").append(esc(w.swedish() ? "Känslighet: om trenderna i stadsdelarna får skilja sig åt upp till M gånger de skillnader som sågs före införandet, blir intervallet:"
                    : "Sensitivity: if the districts' trends may differ by up to M times the differences seen before adoption, the interval becomes:"))
                    .append("</p><ul>");
            inv.sensitivity().forEach(s -> h.append("<li>M = ").append(w.number(s.mBar(), 1)).append(": ").append(w.points(s.low()))
                    .append(w.swedish() ? " till " : " to ").append(w.points(s.high())).append("</li>"));
            h.append("</ul>");
        }
        h.append("<p>").append(esc(w.swedish() ? "Vad underlaget inte kan bevisa: med ett dussin stadsdelar är detta belägg, inte bevis. "
                + "Effekten gäller de stadsdelar som har infört modellen; att den blir lika stor i nästa stadsdel är ett antagande."
                : "What the evidence cannot prove: " + (inv.caveat() == null ? "" : inv.caveat()) + " The effect is that of the districts "
                + "that adopted the model; that the next district gets as much is an assumption.")).append("</p>");
        if (!w.swedish() && !inv.warnings().isEmpty()) {
            h.append("<ul>");
            inv.warnings().forEach(warning -> h.append("<li>").append(esc(warning)).append("</li>"));
            h.append("</ul>");
        }
    }

    private static void districts(StringBuilder h, Investigation inv, ReportWords w) {
        h.append("<h2>").append(esc(w.t("districts"))).append("</h2><table><thead><tr>");
        for (String head : List.of("district", "status", "concerns", "gain", "interval", "fte", "gap", "cost", "n")) {
            h.append("<th scope=\"col\">").append(esc(w.t(head))).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (DistrictRow r : inv.districts()) {
            Figure gain = r.expectedAdditionalAcceptancesPerYear();
            h.append("<tr><th scope=\"row\">").append(esc(r.name())).append("</th><td>").append(esc(status(r.status(), w)))
                    .append("</td>").append(num(r.intake().concernsPerYear(), w)).append(cell(w.number(gain.value(), 1)))
                    .append(cell(range(gain, w, 1))).append(cell(w.number(r.capacity().fteNeeded().value(), 1)))
                    .append(cell(w.number(r.capacity().recruitmentGap().value(), 1)))
                    .append(cell(w.number(r.cost().yearlyCostSek().value(), 0))).append(num(gain.n(), w)).append("</tr>");
        }
        h.append("</tbody></table>");
        chart(h, inv, w);
    }

    /** Gain and cost per district that has not adopted the model, as bars scaled to the largest of each. */
    private static void chart(StringBuilder h, Investigation inv, ReportWords w) {
        List<DistrictRow> open = inv.districts().stream().filter(r -> !r.status().kind().equals("ADOPTED")).toList();
        double maxGain = open.stream().map(DistrictRow::expectedAdditionalAcceptancesPerYear).filter(Figure::known)
                .mapToDouble(f -> f.high() == null ? f.value() : f.high()).max().orElse(0);
        double maxCost = open.stream().map(r -> r.cost().yearlyCostSek()).filter(Figure::known).mapToDouble(Figure::value).max().orElse(0);
        h.append("<h3>").append(esc(w.t("chart"))).append("</h3><p class=\"legend\"><span class=\"gain\"></span>")
                .append(esc(w.t("gain"))).append(" <span class=\"cost\"></span>").append(esc(w.t("cost"))).append("</p><div class=\"bars\">");
        for (DistrictRow r : open) {
            Figure gain = r.expectedAdditionalAcceptancesPerYear();
            Figure cost = r.cost().yearlyCostSek();
            h.append("<div class=\"bar-row\"><div class=\"bar-label\">").append(esc(r.name())).append(": ")
                    .append(w.number(gain.value(), 1)).append(" (").append(range(gain, w, 1)).append("); ")
                    .append(w.number(cost.value(), 0)).append("</div><div class=\"track\"><div class=\"gain\" style=\"width: ")
                    .append(percent(gain.value(), maxGain)).append("%\"></div></div><div class=\"track\"><div class=\"cost\" style=\"width: ")
                    .append(percent(cost.value(), maxCost)).append("%\"></div></div></div>");
        }
        h.append("</div>");
    }

    private static void scenario(StringBuilder h, Scenario s, ReportWords w) {
        h.append("<h2>").append(esc(w.t("scenario"))).append("</h2>");
        if (s == null) {
            h.append("<p>").append(esc(w.t("noScenario"))).append("</p>");
            return;
        }
        h.append("<p>").append(esc(w.swedish()
                ? s.schedule().size() + " stadsdelar i " + s.waves() + " vågor om " + s.monthsPerWave() + " månader från " + s.firstWaveStart() + "."
                : s.schedule().size() + " districts in " + s.waves() + " waves of " + s.monthsPerWave() + " months from " + s.firstWaveStart() + "."))
                .append("</p><table><thead><tr>");
        for (String head : List.of("year", "live", "families", "recruit", "budget", "avoided", "npv")) {
            h.append("<th scope=\"col\">").append(esc(w.t(head))).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (SpreadAnswers.ScenarioYear y : s.years()) {
            h.append("<tr><th scope=\"row\">").append(y.year()).append(" (").append(y.from()).append(")</th>")
                    .append(cell(Integer.toString(y.districtsLive()))).append(cell(withRange(y.additionalAcceptingFamilies(), w, 1)))
                    .append(cell(w.number(y.fteToRecruit().value(), 1))).append(cell(w.number(y.budgetSek().value(), 0)))
                    .append(cell(withRange(y.avoidedCostsSek(), w, 0))).append(cell(withRange(y.cumulativeNetPresentValueSek(), w, 0)))
                    .append("</tr>");
        }
        h.append("</tbody></table>");
        if (!s.power().isEmpty()) {
            h.append("<p>").append(esc(w.t("power"))).append(":</p><ul>");
            s.power().forEach(p -> h.append("<li>").append(esc(capital(w.t("m." + p.metric())))).append(": ")
                    .append(p.power() == null ? esc(w.t("notKnown")) : w.number(p.power() * 100, 0) + " %").append("</li>"));
            h.append("</ul>");
        }
    }

    private static void costs(StringBuilder h, Investigation inv, ReportWords w) {
        SpreadAnswers.Team team = inv.team();
        h.append("<h2>").append(esc(w.t("costs"))).append("</h2><table><tbody>")
                .append(row(w.t("teamCases"), withRange(team.casesPerFilledFte(), w, 1), team.casesPerFilledFte().n(), w))
                .append(row(w.t("teamCostYear"), withRange(team.costPerYearSek(), w, 0), team.costPerYearSek().n(), w))
                .append(row(w.t("teamCostFte"), withRange(team.costPerFilledFteYearSek(), w, 0), team.costPerFilledFteYearSek().n(), w))
                .append(row(w.t("teamCostFamily"), withRange(team.costPerAcceptedFamilySek(), w, 0), team.costPerAcceptedFamilySek().n(), w))
                .append("</tbody></table><table><thead><tr><th scope=\"col\">").append(esc(w.t("payer"))).append("</th><th scope=\"col\">")
                .append(esc(w.t("perYear"))).append("</th></tr></thead><tbody>");
        SpreadAnswers.Payers payers = inv.notYetAdopted().avoidedCostsPerYearSek();
        h.append("<tr><th scope=\"row\">").append(esc(w.t("municipality"))).append("</th>").append(cell(withRange(payers.municipality(), w, 0)))
                .append("</tr><tr><th scope=\"row\">").append(esc(w.t("region"))).append("</th>").append(cell(withRange(payers.region(), w, 0)))
                .append("</tr><tr><th scope=\"row\">").append(esc(w.t("state"))).append("</th>").append(cell(withRange(payers.state(), w, 0)))
                .append("</tr></tbody></table>");
    }

    private static void parameters(StringBuilder h, Investigation inv, ReportWords w) {
        h.append("<h2>").append(esc(w.t("parameters"))).append("</h2><table><thead><tr>");
        for (String head : List.of("parameter", "value", "unitHead", "source", "setIn")) {
            h.append("<th scope=\"col\">").append(esc(w.t(head))).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (SpreadAnswers.Parameter p : inv.parameters()) {
            h.append("<tr><th scope=\"row\">").append(esc(w.parameter(p.name()))).append("</th>").append(cell(w.number(p.value(), 3)))
                    .append("<td>").append(esc(w.unit(p.unit()))).append("</td><td>").append(esc(p.source())).append("</td><td>")
                    .append(esc(w.t("s." + p.setIn()))).append("</td></tr>");
        }
        h.append("</tbody></table>");
    }

    private static void uncertainties(StringBuilder h, Investigation inv, ReportWords w) {
        h.append("<h2>").append(esc(w.t("uncertainties"))).append("</h2><ul>");
        List<String> items = w.swedish() ? List.of(
                "Intervallen kommer från effektens 95 % intervall; kostnaderna har inget eget intervall.",
                "Antalen är avrundade till jämna femtal för att inget barn ska kunna pekas ut.",
                "Kostnader per dygn och andelar är antaganden i storleksordningen enligt källorna; staden kan sätta egna värden.",
                "Belastningen per årsarbetare kommer från de stadsdelar som redan har modellen och kan bli en annan i andra stadsdelar.")
                : List.of(
                "The intervals come from the effect's 95 % interval; the costs have no interval of their own.",
                "Counts are rounded to multiples of five so that no child can be singled out.",
                "Costs per day and shares are assumptions of the order the sources give; the city can set its own.",
                "The caseload per full-time post comes from the districts that have the model and may differ elsewhere.");
        items.forEach(item -> h.append("<li>").append(esc(item)).append("</li>"));
        h.append("</ul>");
    }

    private static String status(SpreadAnswers.Status s, ReportWords w) {
        return switch (s.kind()) {
            case "ADOPTED" -> w.t("ADOPTED") + " " + w.date(s.since());
            case "PLANNED" -> w.t("PLANNED") + " " + s.wave() + ", " + w.t("from") + " " + w.date(s.plannedStart());
            default -> w.t("NOT_PLANNED");
        };
    }

    private static String row(String label, String value, Long n, ReportWords w) {
        return "<tr><th scope=\"row\">" + esc(label) + "</th>" + cell(value) + "<td class=\"num\">n = "
                + (n == null ? esc(w.t("notKnown")) : w.number(n.doubleValue(), 0)) + "</td></tr>";
    }

    private static String range(Figure f, ReportWords w, int decimals) {
        return f.low() == null || f.high() == null ? esc(w.t("notKnown"))
                : w.number(f.low(), decimals) + (w.swedish() ? " till " : " to ") + w.number(f.high(), decimals);
    }

    private static String withRange(Figure f, ReportWords w, int decimals) {
        if (!f.known()) {
            return esc(w.t("notKnown"));
        }
        return f.low() == null ? w.number(f.value(), decimals) : w.number(f.value(), decimals) + " (" + range(f, w, decimals) + ")";
    }

    private static String cell(String text) {
        return "<td class=\"num\">" + text + "</td>";
    }

    private static String num(Long n, ReportWords w) {
        return cell(n == null ? esc(w.t("notKnown")) : w.number(n.doubleValue(), 0));
    }

    private static String percent(Double value, double max) {
        return value == null || max <= 0 ? "0" : Long.toString(Math.max(0, Math.min(100, Math.round(value / max * 100))));
    }

    private static String capital(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Escapes text for XHTML (no named entities: the PDF's XML parser knows only XML's own). */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
