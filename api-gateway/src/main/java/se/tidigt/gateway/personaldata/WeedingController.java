package se.tidigt.gateway.personaldata;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.tidigt.personaldata.Weeding;
import se.tidigt.platform.problem.ApiProblem;

import java.util.List;

/** The weeding's dry run and its stored reports, for the platform admin (the rule is in the security chain's table). */
@RestController
@RequestMapping(path = "/api/v1/admin/weeding", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Operations")
class WeedingController {
    private final Weeding weeding;

    WeedingController(Weeding weeding) {
        this.weeding = weeding;
    }

    @Operation(summary = "What the statutory weeding would remove in that year, and what research retention keeps "
            + "(a dry run: nothing changes)")
    @GetMapping("/preview")
    Weeding.Preview preview(@RequestParam Integer year) {
        return weeding.preview(checked(year));
    }

    @Operation(summary = "The reports of the weeding runs of a year: what was weeded, and how many files research kept")
    @GetMapping("/reports")
    List<Weeding.Report> reports(@RequestParam Integer year) {
        return weeding.reports(checked(year));
    }

    private static int checked(Integer year) {
        if (year == null || year < 2000 || year > 2200) {
            throw ApiProblem.invalid("year", "must be a year between 2000 and 2200");
        }
        return year;
    }
}
