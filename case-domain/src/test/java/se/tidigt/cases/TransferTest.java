package se.tidigt.cases;

import org.junit.jupiter.api.Test;
import se.tidigt.cases.api.*;

import java.time.Instant;

class TransferTest extends CaseFixture {

    @Test
    void a_case_follows_the_family_to_another_district() {
        fixture.givenCurrentTime(NOW).andGiven(raised())
                .when(new TransferCase(CASE, "farsta", after(20), null))
                .expectEvents(new CaseTransferred(CASE, HV, after(20), "farsta"));
    }

    @Test
    void events_after_a_transfer_belong_to_the_new_district() {
        fixture.givenCurrentTime(NOW).andGiven(raised(), new CaseTransferred(CASE, HV, after(20), "farsta"))
                .when(new AssignWorker(CASE, "w-2", WorkerFunction.INTAKE, after(21), null))
                .expectEvents(new WorkerAssigned(CASE, "farsta", after(21), "w-2", WorkerFunction.INTAKE));
    }

    @Test
    void a_transfer_to_the_same_district_is_rejected() {
        rejectedBy(fixture.givenCurrentTime(NOW).andGiven(raised())
                .when(new TransferCase(CASE, HV, after(20), null)), "transfer-to-same-district");
    }

    @Test
    void a_transfer_to_a_district_not_valid_that_day_is_rejected() {
        invalid(fixture.givenCurrentTime(NOW).andGiven(raised())
                .when(new TransferCase(CASE, "rinkeby-kista", after(20), null)), "toDistrict");
        invalid(fixture.givenCurrentTime(NOW).andGiven(raised())
                .when(new TransferCase(CASE, "atlantis", after(20), null)), "toDistrict");
    }

    @Test
    void a_transfer_is_business_time_too() {
        invalid(fixture.givenCurrentTime(NOW).andGiven(raised())
                .when(new TransferCase(CASE, "farsta", Instant.parse("2024-02-01T00:00:00Z"), null)), "transferredAt");
    }
}
