package se.tidigt.gateway.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.http.MediaType;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The statistics as CSV: one line per row, one column per figure, named by its JSON path. */
final class StatsCsv {
    static final String TEXT_CSV = "text/csv";
    static final MediaType CSV_UTF8 = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private StatsCsv() {
    }

    /** Whether the client asks for the rows as CSV ({@code Accept: text/csv}) rather than JSON. */
    static boolean asked(String accept) {
        return accept != null && accept.contains(TEXT_CSV);
    }

    static String csv(List<ObjectNode> rows) {
        List<Map<String, String>> flat = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>();
        for (ObjectNode row : rows) {
            Map<String, String> cells = new LinkedHashMap<>();
            flatten(row, "", cells);
            columns.addAll(cells.keySet());
            flat.add(cells);
        }
        StringBuilder out = new StringBuilder(String.join(",", columns)).append("\r\n");
        for (Map<String, String> cells : flat) {
            out.append(String.join(",", columns.stream().map(c -> escape(cells.getOrDefault(c, ""))).toList())).append("\r\n");
        }
        return out.toString();
    }

    private static void flatten(JsonNode node, String path, Map<String, String> cells) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), cells);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(node.get(i), path + "[" + i + "]", cells);
            }
        } else {
            cells.put(path, node.isNull() ? "" : node.asText());
        }
    }

    private static String escape(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
