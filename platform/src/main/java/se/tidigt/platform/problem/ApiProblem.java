package se.tidigt.platform.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** A failure the gateway itself decides (unknown case, not your district, a reused idempotency key...). */
public class ApiProblem extends RuntimeException {
    private final transient ProblemDetail problem;

    public ApiProblem(ProblemDetail problem) {
        super(problem.getDetail());
        this.problem = problem;
    }

    public ProblemDetail problem() {
        return problem;
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " does not exist."));
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not yours", detail));
    }

    public static ApiProblem conflict(String slug, String detail) {
        return new ApiProblem(Problems.of(HttpStatus.CONFLICT, slug, "Conflict", detail));
    }

    public static ApiProblem ruleBroken(String rule, String detail) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "rule-violated", "A rule forbids this", detail);
        problem.setProperty("rule", rule);
        return new ApiProblem(problem);
    }

    public static ApiProblem invalid(String field, String message) {
        return new ApiProblem(Problems.invalid(field, message));
    }
}
