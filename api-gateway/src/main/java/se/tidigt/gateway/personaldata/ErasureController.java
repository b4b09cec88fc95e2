package se.tidigt.gateway.personaldata;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import se.tidigt.cases.api.ErasureGround;
import se.tidigt.personaldata.Erasure;
import se.tidigt.platform.axon.Versions;
import se.tidigt.platform.problem.ApiProblem;
import se.tidigt.query.caseview.CaseViews;

/** The platform admin erases a case's personal details (the rule is in the security chain's table). */
@RestController
@Tag(name = "Operations")
class ErasureController {
    private final Erasure erasure;
    private final CaseViews cases;

    ErasureController(Erasure erasure, CaseViews cases) {
        this.erasure = erasure;
        this.cases = cases;
    }

    record Erased(String caseId, long version) {
    }

    @Operation(summary = "Erase the case's personal details (crypto-shredding): its free text reads as erased "
            + "everywhere, the pseudonym link to the child's other cases is cut; counts stay (platform admin)")
    @DeleteMapping(path = "/api/v1/cases/{caseId}/personal-data", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Erased> erase(@PathVariable String caseId) {
        cases.districtOf(caseId).orElseThrow(() -> ApiProblem.notFound("Case " + caseId));
        long version = erasure.erase(caseId, ErasureGround.REQUEST);
        return ResponseEntity.ok().eTag(Versions.etag(version)).body(new Erased(caseId, version));
    }
}
