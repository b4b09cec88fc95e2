package se.tidigt.gateway.cases;

import java.time.LocalDate;

/**
 * The work model a new case gets: the one named in the request, or the one in force in its district
 * on the day the concern came in. Resolved here, at the edge, and recorded in ConcernRaised so that
 * replaying a case never depends on today's rollout state.
 */
public interface WorkModelInForce {
    String resolve(String district, LocalDate date, String requested);
}
