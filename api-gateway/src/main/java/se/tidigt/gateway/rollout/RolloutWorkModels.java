package se.tidigt.gateway.rollout;

import org.springframework.stereotype.Component;
import se.tidigt.gateway.cases.WorkModelInForce;
import se.tidigt.platform.problem.ApiProblem;
import se.tidigt.query.rollout.RolloutViews;

import java.time.LocalDate;

/**
 * A new case gets the model in force in its district on the day of the concern (ordinary work
 * where none was adopted). Naming another model is refused: a district cannot run a case in a
 * model it does not run.
 */
@Component
class RolloutWorkModels implements WorkModelInForce {
    private final RolloutViews rollout;

    RolloutWorkModels(RolloutViews rollout) {
        this.rollout = rollout;
    }

    @Override
    public String resolve(String district, LocalDate date, String requested) {
        String inForce = rollout.modelInForce(district, date);
        if (requested != null && !requested.equals(inForce)) {
            throw ApiProblem.ruleBroken("work-model-not-in-force-in-district", "District " + district + " runs "
                    + inForce + " on " + date + ", not " + requested + ".");
        }
        return inForce;
    }
}
