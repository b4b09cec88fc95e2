package se.tidigt.audit.signed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import java.time.Duration;

/**
 * Takes a checkpoint every {@code tidigt.audit.checkpoint-interval} (default ten minutes; zero turns it off).
 * Several instances may run it: an advisory lock lets one take each, the others skip that turn. A checkpoint
 * that fails is logged as an error and taken at the next turn; what it would have covered is covered then.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CheckpointSchedule implements SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(CheckpointSchedule.class);
    private final Checkpoints checkpoints;
    private final Duration interval;

    CheckpointSchedule(Checkpoints checkpoints, @Value("${tidigt.audit.checkpoint-interval}") Duration interval) {
        this.checkpoints = checkpoints;
        this.interval = interval;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!interval.isZero() && !interval.isNegative()) {
            registrar.addFixedDelayTask(new org.springframework.scheduling.config.FixedDelayTask(this::take, interval,
                    interval));
        }
    }

    void take() {
        try {
            checkpoints.take();
        } catch (RuntimeException e) {
            log.error("The audit checkpoint could not be taken; the next turn covers what it would have", e);
        }
    }
}
