package se.tidigt.gateway.dashboard;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The district's pages to work in, each one frame (district.html: header, navigation, status line) around
 * its content: the worklist with pending proposals, the caseload and the cases (district-worklist.html),
 * one case with its timeline and the forms for its next steps (district-case.html), and a new concern
 * (district-new.html). Each is drawn by district.js from the API with the page's session;
 * a case the user may not read is the API's 404, shown as such.
 */
@Controller
@Hidden
class DistrictPages {
    static final String WORKLIST = "/district";
    static final String ANY = "/district/**";

    private final PageTemplates templates;

    DistrictPages(PageTemplates templates) {
        this.templates = templates;
    }

    @GetMapping(path = WORKLIST, produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String worklist() {
        return page("worklist");
    }

    @GetMapping(path = "/district/cases/new", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String newConcern() {
        return page("new");
    }

    @GetMapping(path = "/district/cases/{caseId}", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String oneCase() {
        return page("case");
    }

    /** The frame with the page's name (which district.js draws) and its content. */
    private String page(String name) {
        return templates.page("dashboard/district.html").replace("{{page}}", name)
                .replace("{{content}}", templates.page("dashboard/district-" + name + ".html"));
    }
}
