package se.tidigt.gateway.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import se.tidigt.platform.problem.DatabaseFailures;
import se.tidigt.platform.problem.Problems;

import java.util.List;

/**
 * The one place where failures become RFC 9457 problem details. Nothing here ever puts a stack
 * trace or an exception message from a library into a response; unexpected failures are logged
 * with the correlation id and answered with a bare 500.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(BodyTooLarge.LimitExceeded.class)
    ResponseEntity<ProblemDetail> tooLarge(Exception e) {
        return respond(BodyTooLarge.problem());
    }

    /**
     * A database failure (503, Retry-After, saying whether anything may have been stored), else the
     * domains' refusals (as DomainProblems maps them), else an unexpected failure: a bare 500.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> refusedOrUnexpected(Exception e) {
        var database = DatabaseFailures.of(e);
        if (database.isPresent()) {
            log.error("Database failure: {}", database.get().getTitle(), e);
            return respond(database.get());
        }
        var known = DomainProblems.of(e);
        if (known.isPresent()) {
            return respond(known.get());
        }
        log.error("Unexpected failure", e);
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "Something went wrong on our side; nothing was stored. The correlation id identifies it in our logs."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Problems.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new Problems.FieldError(f.getField(), f.getDefaultMessage()))
                .sorted(java.util.Comparator.comparing(Problems.FieldError::field))
                .toList();
        return asObject(Problems.invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<Problems.FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new Problems.FieldError(
                        r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return asObject(Problems.invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (BodyTooLarge.isCauseOf(e)) {
            return asObject(BodyTooLarge.problem());
        }
        return asObject(UnreadableBody.problem(e));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return respond(Problems.invalid(e.getName(), "is not a valid value"));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        // Spring's own problems (405, 415, 404 of an unknown path...) keep their status but lose any
        // library wording that could leak internals.
        if (body instanceof ProblemDetail problem && problem.getType() != null && "about:blank".equals(problem.getType().toString())) {
            problem.setType(java.net.URI.create("/problems/http-" + status.value()));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        HttpHeaders headers = new HttpHeaders();
        DatabaseFailures.addRetryAfter(problem, headers);
        // A 429 says when to come back (the bounds on expensive requests, se.tidigt.gateway.limits).
        if (problem.getStatus() == HttpStatus.TOO_MANY_REQUESTS.value() && problem.getProperties() != null
                && problem.getProperties().get("retryAfterSeconds") instanceof Number seconds) {
            headers.set(HttpHeaders.RETRY_AFTER, seconds.toString());
        }
        return ResponseEntity.status(problem.getStatus()).headers(headers)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ResponseEntity<Object> asObject(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
