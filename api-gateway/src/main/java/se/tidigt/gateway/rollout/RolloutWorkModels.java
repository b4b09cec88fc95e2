package se.tidigt.gateway.rollout;

import org.springframework.stereotype.Component;
import se.tidigt.gateway.cases.WorkModelInForce;

import java.time.LocalDate;

/** Until districts record their rollout, every case without a named model runs the ordinary one. */
@Component
class RolloutWorkModels implements WorkModelInForce {
    static final String ORDINARY = "ORDINARY";

    @Override
    public String resolve(String district, LocalDate date, String requested) {
        return requested != null ? requested : ORDINARY;
    }
}
