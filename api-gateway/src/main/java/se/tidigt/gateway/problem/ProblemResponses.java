package se.tidigt.gateway.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import se.tidigt.platform.problem.ApiProblem;
import se.tidigt.platform.problem.Problems;

import java.io.IOException;

/** Writes problem details from servlet filters and Spring Security, where no controller advice reaches. */
@Component
public class ProblemResponses {
    /**
     * Request attribute: the id of a case the access rules refused because it belongs to another district.
     * The refusal is then answered as an unknown case is, 404 with the same problem.
     */
    public static final String HIDDEN_CASE = ProblemResponses.class.getName() + ".hiddenCase";
    /** Request attribute: a district the access rules refused as another's; answered as an unknown district is, 404. */
    public static final String HIDDEN_DISTRICT = ProblemResponses.class.getName() + ".hiddenDistrict";

    private final ObjectMapper json;

    ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    public void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String sent = request.getHeader("Authorization");
        boolean bearer = sent != null && sent.regionMatches(true, 0, "Bearer ", 0, 7);
        // A rejected token is named as such (RFC 6750), without saying what was wrong with it.
        response.setHeader("WWW-Authenticate", bearer ? "Bearer error=\"invalid_token\"" : "Basic realm=\"tidigt\"");
        write(response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                bearer ? "The bearer token is not valid (signature, issuer or time)." : "Send valid credentials."));
    }

    public void tooManySignIns(HttpServletResponse response, java.time.Duration retryAfter) throws IOException {
        response.setHeader("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
        write(response, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-sign-ins", "Too many failed sign-ins",
                "Sign-ins for this user are paused; try again after Retry-After seconds."));
    }

    public void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (request.getAttribute(HIDDEN_CASE) instanceof String caseId) {
            ProblemDetail unknown = ApiProblem.notFound("Case " + caseId).problem();
            unknown.setInstance(java.net.URI.create(request.getRequestURI()));
            write(response, unknown);
            return;
        }
        if (request.getAttribute(HIDDEN_DISTRICT) instanceof String district) {
            ProblemDetail unknown = ApiProblem.notFound("District " + district).problem();
            unknown.setInstance(java.net.URI.create(request.getRequestURI()));
            write(response, unknown);
            return;
        }
        // A page's call without its session's token is refused before any role is asked: say which it was.
        if (e instanceof CsrfException) {
            write(response, Problems.of(HttpStatus.FORBIDDEN, "csrf-token", "CSRF token missing or not valid",
                    "The request carries no valid CSRF token for this session; reload the page and try again."));
            return;
        }
        write(response, Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not yours",
                "Your role does not allow this request."));
    }

    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
