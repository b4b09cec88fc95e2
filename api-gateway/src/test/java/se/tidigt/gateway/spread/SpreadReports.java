package se.tidigt.gateway.spread;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import se.tidigt.gateway.support.Api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The report downloaded as PDF and its text as PDFBox extracts it, with the headings each language must show. */
final class SpreadReports {
    static final List<String> SWEDISH_HEADINGS = List.of("Sammanfattning", "Underlaget: effekten och dess osäkerhet",
            "Stadsdelarna", "Scenario: spridning i vågor", "Kostnader och samhällsekonomi", "Antaganden och källor",
            "Osäkerheter", "Väntad vinst mot kostnad per stadsdel");
    static final List<String> ENGLISH_HEADINGS = List.of("Summary", "The evidence: the effect and its uncertainty",
            "The districts", "Scenario: spreading in waves", "Costs and the socio-economic view", "Assumptions and sources",
            "Uncertainties", "Expected gain against cost per district");
    /** Every parameter's label in the parameters table, Swedish then English. */
    static final List<String> SWEDISH_PARAMETERS = List.of("Diskonteringsränta", "Kostnad per dygn i HVB",
            "Kostnad per dygn i familjehem", "Andel placeringsdygn i HVB", "Dygn per placering",
            "Regionens kostnad per placeringsdygn", "Andel dygn enligt LVU", "Statens kostnad per LVU-dygn",
            "År innan besparingen kommer", "Andel av kostnaden som ordinarie arbete ändå har");
    static final List<String> ENGLISH_PARAMETERS = List.of("Discount rate", "Cost of a day in an HVB home",
            "Cost of a day in a family home", "Share of placement days in HVB homes", "Days per placement",
            "The region's cost per placement day", "Share of days under LVU", "The state's cost per LVU day",
            "Years until the saving comes", "Share of the cost ordinary work has anyway");

    private SpreadReports() {
    }

    /** The PDF's text, after checking it is a PDF offered as a download. */
    static String pdfText(Api api, String query) {
        HttpResponse<byte[]> answer = api.with("Accept", "application/pdf").download("/api/v1/spread-investigation/report" + query);
        assertThat(answer.statusCode()).as(new String(answer.body())).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(answer.headers().firstValue("Content-Disposition").orElse("")).contains("attachment").contains(".pdf");
        try (PDDocument document = Loader.loadPDF(answer.body())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
