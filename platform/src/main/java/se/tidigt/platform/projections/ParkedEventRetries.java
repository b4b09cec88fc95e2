package se.tidigt.platform.projections;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import se.tidigt.platform.periodic.PeriodicTask;

import java.time.Duration;

/**
 * Retries parked events on a schedule ({@code tidigt.projections.parked-retry-interval}), each case
 * until its events have failed {@code tidigt.projections.parked-max-attempts} times; after that they
 * stay parked until an operator retries or evicts them. A transient failure (a lost connection)
 * thus heals by itself, and a permanent one does not keep the processor busy.
 */
@Component
class ParkedEventRetries implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ParkedEventRetries.class);
    private static final int CASES_PER_ROUND = 100;

    private final ParkedEvents parked;
    private final Duration interval;
    private final long maxAttempts;
    private final PeriodicTask rounds = new PeriodicTask("parked-event-retries", this::retryRound);

    ParkedEventRetries(ParkedEvents parked,
                       @Value("${tidigt.projections.parked-retry-interval:PT1M}") Duration interval,
                       @Value("${tidigt.projections.parked-max-attempts:5}") long maxAttempts) {
        this.parked = parked;
        this.interval = interval;
        this.maxAttempts = maxAttempts;
    }

    void retryRound() {
        for (String group : DeadLetteredGroups.NAMES) {
            try {
                if (parked.count(group) > 0) {
                    int done = parked.retryAll(group, letter -> DeadLetteredGroups.attempts(letter) < maxAttempts,
                            CASES_PER_ROUND);
                    log.info("Retried parked events of {}: {} cases went through", group, done);
                }
            } catch (RuntimeException e) {
                log.warn("Retrying the parked events of {} failed; next round in {}", group, interval, e);
            }
        }
    }

    @Override
    public void start() {
        rounds.start(interval, interval);
    }

    @Override
    public void stop() {
        rounds.stop();
    }

    @Override
    public boolean isRunning() {
        return rounds.running();
    }
}
