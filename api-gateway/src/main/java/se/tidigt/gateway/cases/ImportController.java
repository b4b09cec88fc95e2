package se.tidigt.gateway.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import jakarta.servlet.http.HttpServletRequest;
import se.tidigt.platform.idempotency.IdempotentWrites;
import se.tidigt.platform.idempotency.WriteRequest;
import se.tidigt.platform.problem.ApiProblem;
import se.tidigt.platform.actor.CurrentActor;
import se.tidigt.platform.problem.DatabaseFailures;
import se.tidigt.gateway.problem.DomainProblems;
import se.tidigt.platform.problem.Problems;

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
    private static final Logger log = LoggerFactory.getLogger(ImportController.class);
    private final CaseImport lines;
    private final IdempotentWrites idempotency;

    ImportController(CaseImport lines, IdempotentWrites idempotency) {
        this.lines = lines;
        this.idempotency = idempotency;
    }

    record LineResult(int line, int status, Object result, ProblemDetail problem) {
    }

    record ImportReport(int lines, int stored, int failed, List<LineResult> results) {
    }

    @Operation(summary = "Import commands, one JSON object per line (NDJSON); a per-line report",
            responses = @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200",
                    description = "The per-line report (replayed for an Idempotency-Key already answered)",
                    content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = ImportReport.class))))
    @PostMapping(path = "/api/v1/import", consumes = NDJSON, produces = "application/json")
    ResponseEntity<Object> importLines(@RequestBody String body, HttpServletRequest http) {
        // With an Idempotency-Key the file's report is stored: sending it again replays the report.
        return idempotency.runOrReplay(WriteRequest.of(http, body), CurrentActor.get().userId(),
                () -> ResponseEntity.ok(importAll(body)));
    }

    private ImportReport importAll(String body) {
        List<LineResult> results = new ArrayList<>();
        String[] texts = body.split("\\r?\\n");
        for (int i = 0; i < texts.length; i++) {
            if (!texts[i].isBlank()) {
                try {
                    results.add(run(texts[i], i + 1));
                } catch (RuntimeException e) {
                    throw interrupted(e, i + 1, report(results));
                }
            }
        }
        return report(results);
    }

    private static ImportReport report(List<LineResult> results) {
        int stored = (int) results.stream().filter(r -> r.problem() == null).count();
        return new ImportReport(results.size(), stored, results.size() - stored, results);
    }

    /**
     * A failure that is not the line's fault (the database gone, a bug) stops the import: the answer
     * says what happened to the lines before it and where to resume. Every line is idempotent, so
     * sending the whole file again is also safe.
     */
    private static ApiProblem interrupted(RuntimeException e, int line, ImportReport soFar) {
        ProblemDetail problem = DatabaseFailures.of(e).orElseGet(() -> {
            log.error("Import stopped at line {}", line, e);
            return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                    "Something went wrong on our side with this line; it was not stored.");
        });
        problem.setDetail("The import stopped at line " + line + ". " + problem.getDetail()
                + " The lines before it are in the report. Send the file again (or resume from line " + line
                + "): lines already stored answer as before and are not stored twice.");
        problem.setProperty("resumeFromLine", line);
        problem.setProperty("report", soFar);
        return new ApiProblem(problem);
    }

    private LineResult run(String text, int number) {
        try {
            ResponseEntity<Object> answer = lines.line(text, number);
            return new LineResult(number, answer.getStatusCode().value(), answer.getBody(), null);
        } catch (RuntimeException e) {
            if (DatabaseFailures.of(e).isPresent()) {
                throw e;
            }
            ProblemDetail problem = DomainProblems.of(e).orElseThrow(() -> e);
            return new LineResult(number, problem.getStatus(), null, problem);
        }
    }
}
