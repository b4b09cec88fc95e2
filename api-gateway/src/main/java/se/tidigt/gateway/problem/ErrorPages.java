package se.tidigt.gateway.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.tidigt.platform.problem.Problems;

import java.util.Set;

/**
 * Replaces Spring Boot's {@code /error} (its own JSON shape, or a whitelabel page): whatever the
 * servlet container sends there — a path Spring Security's firewall rejects ({@code ..}, {@code %25},
 * {@code %2F}), an error raised outside Spring MVC — is answered as problem details with its status.
 */
@RestController
class ErrorPages implements ErrorController {
    private static final Set<String> IMPLEMENTED_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE",
            "OPTIONS", "TRACE");

    @RequestMapping(path = "/error", produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE,
            MediaType.ALL_VALUE})
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null ? refusal(i, request.getMethod())
                : HttpStatus.INTERNAL_SERVER_ERROR;
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(of(status));
    }

    /**
     * The status to answer for one Tomcat or the servlet API chose. They answer 501 to a method or a
     * transfer coding they do not implement ({@code CONNECT}, {@code Transfer-Encoding: identity}); the
     * request is what is wrong there, and a 5xx would count against the service: 405 for the method, else 400.
     */
    static HttpStatus refusal(int code, String method) {
        if (code != HttpStatus.NOT_IMPLEMENTED.value()) {
            return HttpStatus.resolve(code) != null ? HttpStatus.resolve(code) : HttpStatus.BAD_REQUEST;
        }
        return IMPLEMENTED_METHODS.contains(method) ? HttpStatus.BAD_REQUEST : HttpStatus.METHOD_NOT_ALLOWED;
    }

    /** A problem with nothing but its status to go on: the request never reached a controller. */
    static ProblemDetail of(HttpStatus status) {
        String detail = switch (status) {
            case BAD_REQUEST -> "The request cannot be read: its path, headers or body are malformed or not allowed.";
            case NOT_FOUND -> "There is nothing at this path.";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "The request's headers are too large.";
            case INTERNAL_SERVER_ERROR -> "Something went wrong on our side; nothing was stored.";
            default -> status.getReasonPhrase() + ".";
        };
        return Problems.of(status, "http-" + status.value(), status.getReasonPhrase(), detail);
    }
}
