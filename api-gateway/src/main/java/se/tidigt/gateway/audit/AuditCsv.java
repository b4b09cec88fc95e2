package se.tidigt.gateway.audit;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.stream.Collectors;

/** The audit lists as RFC 4180 CSV when the client asks for {@code text/csv}. */
final class AuditCsv {
    static final String TEXT_CSV = "text/csv";

    private AuditCsv() {
    }

    static boolean wanted(String accept) {
        return accept != null && accept.contains(TEXT_CSV);
    }

    static ResponseEntity<Object> of(List<String> header, List<List<Object>> rows) {
        StringBuilder out = new StringBuilder(line(header.stream().map(h -> (Object) h).toList()));
        rows.forEach(row -> out.append(line(row)));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8")).body(out.toString());
    }

    private static String line(List<Object> cells) {
        return cells.stream().map(AuditCsv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String cell(Object value) {
        String text = value == null ? "" : value.toString();
        boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
