package se.tidigt.platform.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;

/** Builds RFC 9457 problem details with Tidigt's problem types ({@code /problems/<slug>}). */
public final class Problems {
    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + slug));
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail invalid(List<FieldError> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                "The request has " + errors.size() + " invalid field" + (errors.size() == 1 ? "" : "s") + ": "
                        + String.join(", ", errors.stream().map(FieldError::field).toList()));
        problem.setProperty("errors", errors);
        return problem;
    }

    public static ProblemDetail invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    /** One field at fault, named by its JSON path (e.g. {@code child.personalIdentityNumber}). */
    public record FieldError(String field, String message) {
    }
}
