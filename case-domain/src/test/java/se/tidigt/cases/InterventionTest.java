package se.tidigt.cases;

import org.junit.jupiter.api.Test;
import se.tidigt.cases.api.*;

class InterventionTest extends CaseFixture {

    @Test
    void an_accepted_offer_starts_and_ends() {
        givenAnOffer(InterventionType.FAMILY_TREATMENT).andGiven(accepted())
                .when(new StartIntervention(CASE, OFFER, after(15), null))
                .expectEvents(started());
        givenAnOffer(InterventionType.FAMILY_TREATMENT).andGiven(accepted(), started())
                .when(new EndIntervention(CASE, OFFER, after(60), InterventionEndOutcome.GOALS_MET, null))
                .expectEvents(new InterventionEnded(CASE, HV, after(60), OFFER, InterventionEndOutcome.GOALS_MET));
    }

    @Test
    void cannot_start_an_intervention_the_family_has_not_accepted() {
        rejectedBy(givenAnOffer(InterventionType.FAMILY_TREATMENT)
                .when(new StartIntervention(CASE, OFFER, after(15), null)), "intervention-requires-accepted-offer");
    }

    @Test
    void cannot_start_an_intervention_the_family_declined() {
        rejectedBy(givenAnOffer(InterventionType.FAMILY_TREATMENT)
                .andGiven(new FamilyDeclined(CASE, HV, after(12), OFFER, DeclineReason.NOT_NEEDED))
                .when(new StartIntervention(CASE, OFFER, after(15), null)), "intervention-requires-accepted-offer");
    }

    @Test
    void an_intervention_starts_once() {
        rejectedBy(givenAnOffer(InterventionType.FAMILY_TREATMENT).andGiven(accepted(), started())
                .when(new StartIntervention(CASE, OFFER, after(16), null)), "intervention-already-started");
    }

    @Test
    void only_a_running_intervention_ends() {
        rejectedBy(givenAnOffer(InterventionType.FAMILY_TREATMENT).andGiven(accepted())
                .when(new EndIntervention(CASE, OFFER, after(60), InterventionEndOutcome.DISCONTINUED, null)),
                "intervention-not-running");
        rejectedBy(givenAnOffer(InterventionType.FAMILY_TREATMENT).andGiven(accepted(), started(),
                        new InterventionEnded(CASE, HV, after(60), OFFER, InterventionEndOutcome.GOALS_MET))
                .when(new EndIntervention(CASE, OFFER, after(61), InterventionEndOutcome.DISCONTINUED, null)),
                "intervention-not-running");
    }

    @Test
    void workers_and_collaborations_are_recorded_on_an_open_case() {
        fixture.givenCurrentTime(NOW).andGiven(raised())
                .when(new AssignWorker(CASE, "w-7", WorkerFunction.COORDINATION, after(1), null))
                .expectEvents(new WorkerAssigned(CASE, HV, after(1), "w-7", WorkerFunction.COORDINATION));
        fixture.givenCurrentTime(NOW).andGiven(raised())
                .when(new RecordCollaboration(CASE, CollaborationPartner.POLICE, CollaborationKind.JOINT_VISIT, after(2), null))
                .expectEvents(new CollaborationRecorded(CASE, HV, after(2), CollaborationPartner.POLICE,
                        CollaborationKind.JOINT_VISIT));
    }
}
