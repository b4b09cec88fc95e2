package se.tidigt.gateway.caseload;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.tidigt.cases.api.Deadlines;
import se.tidigt.audit.accesslog.LoggedRead;
import se.tidigt.platform.problem.ApiProblem;
import se.tidigt.platform.actor.CurrentActor;
import se.tidigt.gateway.security.DistrictScope;
import se.tidigt.query.caseload.Caseload;
import se.tidigt.query.caseload.CaseloadReport;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * A district's own caseload. Only its own users read it; to anyone else's district user the district is
 * unknown (404), as the access rules already answered before this runs.
 */
@RestController
@RequestMapping(path = "/api/v1/districts/{district}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Cases")
@LoggedRead(caseLevel = false)
class CaseloadController {
    /** Five years of months at most: one answer stays small. */
    static final int MAX_MONTHS = 60;

    private final Caseload caseload;
    private final DistrictScope scope;
    private final Clock clock;

    CaseloadController(Caseload caseload, DistrictScope scope, Clock clock) {
        this.caseload = caseload;
        this.scope = scope;
        this.clock = clock;
    }

    @Operation(summary = "Open cases per worker and per filled full-time post, month by month (from/to as YYYY-MM, the "
            + "last 12 months by default, at most 60), each ratio with its n; and each worker's open cases now")
    @GetMapping("/caseload")
    CaseloadReport caseload(@PathVariable String district, @RequestParam(required = false) String from,
                            @RequestParam(required = false) String to) {
        if (!scope.isKnown(district) || !scope.isOwn(CurrentActor.get(), district)) {
            throw ApiProblem.notFound("District " + district);
        }
        YearMonth last = to == null ? YearMonth.now(clock.withZone(Deadlines.ZONE)) : month(to, "to");
        YearMonth first = from == null ? last.minusMonths(11) : month(from, "from");
        if (first.isAfter(last)) {
            throw ApiProblem.invalid("to", "must not be before from");
        }
        if (first.plusMonths(MAX_MONTHS).isBefore(last.plusMonths(1))) {
            throw ApiProblem.invalid("from", "the range holds at most " + MAX_MONTHS + " months");
        }
        return caseload.of(district, first, last, clock.instant());
    }

    private static YearMonth month(String value, String field) {
        try {
            if (value.length() == 7) {
                return YearMonth.parse(value);
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw ApiProblem.invalid(field, "must be a month (YYYY-MM)");
    }
}
