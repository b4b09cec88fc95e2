package se.tidigt.gateway.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import se.tidigt.gateway.problem.DomainProblems;

import java.util.ArrayList;
import java.util.List;

/**
 * Imports a district's history, one command per NDJSON line, with each line's true business time.
 * Good lines are stored, bad lines are reported with the same problem a REST call would get.
 */
@RestController
@Tag(name = "Cases")
class ImportController {
    static final String NDJSON = "application/x-ndjson";
    private final CaseImport lines;

    ImportController(CaseImport lines) {
        this.lines = lines;
    }

    record LineResult(int line, int status, Object result, ProblemDetail problem) {
    }

    record ImportReport(int lines, int stored, int failed, List<LineResult> results) {
    }

    @Operation(summary = "Import commands, one JSON object per line (NDJSON); a per-line report")
    @PostMapping(path = "/api/v1/import", consumes = NDJSON, produces = "application/json")
    ImportReport importLines(@RequestBody String body) {
        List<LineResult> results = new ArrayList<>();
        String[] texts = body.split("\\r?\\n");
        for (int i = 0; i < texts.length; i++) {
            if (!texts[i].isBlank()) {
                results.add(run(texts[i], i + 1));
            }
        }
        int stored = (int) results.stream().filter(r -> r.problem() == null).count();
        return new ImportReport(results.size(), stored, results.size() - stored, results);
    }

    private LineResult run(String text, int number) {
        try {
            ResponseEntity<Object> answer = lines.line(text, number);
            return new LineResult(number, answer.getStatusCode().value(), answer.getBody(), null);
        } catch (RuntimeException e) {
            ProblemDetail problem = DomainProblems.of(e).orElseThrow(() -> e);
            return new LineResult(number, problem.getStatus(), null, problem);
        }
    }
}
