package se.tidigt.gateway.demo;

import se.tidigt.cases.api.CollaborationPartner;
import se.tidigt.cases.api.ConcernKind;
import se.tidigt.cases.api.InitialAssessmentDecision;
import se.tidigt.cases.api.InterventionType;
import se.tidigt.cases.api.PlacementKind;
import se.tidigt.cases.api.ReporterCategory;

import java.util.EnumSet;
import java.util.Random;
import java.util.Set;

/**
 * Who is reported, by whom and for what, in ordinary work and in the Vällingby team: ordinary
 * intake skewed to teenagers (most interventions start in the late teens, as "Rätt stöd i rätt
 * tid" found), reported mostly by school and police; the team reaching younger children through
 * preschool and school, more often deciding early support, working with preschool, school and
 * police. Shapes follow published intake patterns in broad strokes; they are synthetic.
 */
final class Intake {
    /** The model's acceptance rate, the effect the generator builds in: 0.95 − 0.50 = +0.45. */
    static final double ORDINARY_ACCEPTANCE = 0.50;
    static final double TEAM_ACCEPTANCE = 0.95;
    /**
     * The share of accepted interventions given with the child placed out of home for their whole course: an
     * assumption of the synthetic city (lower in the team, as the pilot's partners expected), not a finding.
     */
    static final double ORDINARY_PLACEMENT = 0.16;
    static final double TEAM_PLACEMENT = 0.03;
    /** Of the placements, the share that is care under LVU. */
    static final double COMPULSORY = 0.15;
    /** How far the accepted count may stray from the model's rate before the dice are overruled. */
    private static final int SLACK = 2;

    private final boolean team;
    private final Weighted<Integer> age = new Weighted<>();
    private final Weighted<ReporterCategory> reporter = new Weighted<>();
    private final Weighted<InitialAssessmentDecision> decision = new Weighted<>();
    private final Weighted<CollaborationPartner> partner = new Weighted<>();
    private int answered;
    private int accepted;

    Intake(boolean team) {
        this.team = team;
        for (int years = 0; years <= 17; years++) {
            age.add(years, team ? teamAgeWeight(years) : ordinaryAgeWeight(years));
        }
        reporter.add(ReporterCategory.SCHOOL, team ? 30 : 28).add(ReporterCategory.POLICE, team ? 18 : 26)
                .add(ReporterCategory.PRESCHOOL, team ? 16 : 4).add(ReporterCategory.HEALTHCARE, 10)
                .add(ReporterCategory.SOCIAL_SERVICES, 10).add(ReporterCategory.FAMILY, 8).add(ReporterCategory.OTHER, team ? 8 : 14);
        decision.add(InitialAssessmentDecision.OPEN_INVESTIGATION, team ? 35 : 50)
                .add(InitialAssessmentDecision.EARLY_SUPPORT, team ? 50 : 18)
                .add(InitialAssessmentDecision.NO_ACTION, team ? 15 : 32);
        partner.add(CollaborationPartner.SCHOOL, 40).add(CollaborationPartner.POLICE, team ? 25 : 20)
                .add(CollaborationPartner.PRESCHOOL, team ? 20 : 5).add(CollaborationPartner.HEALTHCARE, team ? 10 : 25)
                .add(CollaborationPartner.OTHER, team ? 5 : 10);
    }

    private static double ordinaryAgeWeight(int years) {
        return years < 6 ? 2 : years < 10 ? 3 : years < 13 ? 5 : 12;
    }

    private static double teamAgeWeight(int years) {
        return years < 4 ? 1 : years < 10 ? 7 : years < 13 ? 9 : 6;
    }

    boolean team() {
        return team;
    }

    double acceptance() {
        return team ? TEAM_ACCEPTANCE : ORDINARY_ACCEPTANCE;
    }

    /**
     * Whether the family accepts this offer: the dice at the model's rate, overruled only when the
     * accepted count would stray more than {@link #SLACK} from the rate's share of the answers so
     * far. Months vary as chance makes them vary, while the share over the whole history stays
     * within a point or so of the rate on whatever day the city is generated.
     */
    boolean accepts(Random random) {
        answered++;
        double expected = answered * acceptance();
        boolean accept = random.nextDouble() < acceptance();
        int after = accepted + (accept ? 1 : 0);
        if (after - expected > SLACK) {
            accept = false;
        } else if (expected - after > SLACK) {
            accept = true;
        }
        if (accept) {
            accepted++;
        }
        return accept;
    }

    double placement() {
        return team ? TEAM_PLACEMENT : ORDINARY_PLACEMENT;
    }

    /** Younger children mostly to a family home, teenagers mostly to an HVB, some of the oldest to supported housing. */
    PlacementKind placementKind(int age, Random random) {
        Weighted<PlacementKind> kinds = new Weighted<PlacementKind>().add(PlacementKind.FAMILY_HOME, age < 13 ? 70 : 30)
                .add(PlacementKind.HVB, age < 13 ? 30 : 50).add(PlacementKind.SUPPORTED_HOUSING, age >= 16 ? 20 : 0);
        return kinds.pick(random);
    }

    int age(Random random) {
        return age.pick(random);
    }

    ReporterCategory reporter(Random random) {
        return reporter.pick(random);
    }

    InitialAssessmentDecision decision(Random random) {
        return decision.pick(random);
    }

    CollaborationPartner partner(Random random) {
        return partner.pick(random);
    }

    /** How often the case works with preschool, school or police: far more often in the team. */
    int collaborations(Random random) {
        if (team) {
            return 1 + random.nextInt(3);
        }
        return random.nextDouble() < 0.3 ? 1 : 0;
    }

    /** Teenagers' concerns are mostly crime and substance use, younger children's neglect and violence. */
    Set<ConcernKind> concerns(int age, Random random) {
        Weighted<ConcernKind> kinds = new Weighted<ConcernKind>()
                .add(ConcernKind.CRIME_RISK, age >= 12 ? 30 : 4).add(ConcernKind.SUBSTANCE_USE_RISK, age >= 13 ? 22 : 2)
                .add(ConcernKind.VIOLENCE, 14).add(ConcernKind.NEGLECT, age < 10 ? 26 : 8)
                .add(ConcernKind.MENTAL_HEALTH, age >= 10 ? 14 : 6).add(ConcernKind.SCHOOL_ABSENCE, age >= 7 ? 12 : 0)
                .add(ConcernKind.OTHER, 6);
        EnumSet<ConcernKind> concerns = EnumSet.of(kinds.pick(random));
        if (random.nextDouble() < 0.3) {
            concerns.add(kinds.pick(random));
        }
        return concerns;
    }

    InterventionType intervention(int age, Random random) {
        if (random.nextDouble() < 0.04) {
            return age < 13 ? InterventionType.FOSTER_CARE : InterventionType.RESIDENTIAL_CARE;
        }
        Weighted<InterventionType> types = new Weighted<InterventionType>()
                .add(InterventionType.FAMILY_TREATMENT, 30).add(InterventionType.PARENTING_SUPPORT, age < 10 ? 25 : 5)
                .add(InterventionType.CONTACT_PERSON, age >= 10 ? 15 : 4).add(InterventionType.STRUCTURED_COUNSELLING, 10)
                .add(InterventionType.YOUTH_SUPPORT_PROGRAMME, age >= 13 ? 20 : 0).add(InterventionType.CONTACT_FAMILY, 6)
                .add(InterventionType.OTHER_OPEN, 5);
        return types.pick(random);
    }
}
