package se.tidigt.gateway.cases;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import se.tidigt.cases.api.Child;
import se.tidigt.cases.api.Deadlines;
import se.tidigt.cases.api.RaiseConcern;
import se.tidigt.cases.api.identity.PersonalIdentityNumber;
import se.tidigt.cases.api.identity.Pseudonymiser;
import se.tidigt.gateway.cases.CaseRequests.RaiseConcernRequest;
import se.tidigt.platform.correlation.RandomIds;
import se.tidigt.platform.idempotency.WriteRequest;


/**
 * Turns a report of concern into RaiseConcern: the identity number becomes a pseudonym here and
 * goes no further, and the work model is the one given or the one in force in the district that day.
 */
@Component
class ConcernIntake {
    private final CaseWrites writes;
    private final DistrictAccess access;
    private final Pseudonymiser pseudonymiser;
    private final WorkModelInForce workModels;

    ConcernIntake(CaseWrites writes, DistrictAccess access, Pseudonymiser pseudonymiser, WorkModelInForce workModels) {
        this.writes = writes;
        this.access = access;
        this.pseudonymiser = pseudonymiser;
        this.workModels = workModels;
    }

    ResponseEntity<Object> raise(String district, RaiseConcernRequest body, WriteRequest request) {
        return raise(district, body, request, RandomIds.next().toString());
    }

    /** With a case id chosen by the caller: an import names its cases so later lines can refer to them. */
    ResponseEntity<Object> raise(String district, RaiseConcernRequest body, WriteRequest request, String caseId) {
        access.requireOwnDistrict(district);
        Child child = pseudonymiser.childOf(PersonalIdentityNumber.parse(body.child().personalIdentityNumber()));
        String workModel = workModels.resolve(district, Deadlines.localDate(body.receivedAt()), body.workModel());
        return writes.raise(caseId, request, new RaiseConcern(caseId, district, body.receivedAt(), body.reporter(),
                body.concerns(), child, workModel));
    }
}
