package se.tidigt.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import se.tidigt.audit.chain.DailyDigests;
import se.tidigt.audit.signed.Checkpoints;
import se.tidigt.cases.api.Deadlines;

import java.time.Duration;

/**
 * The audit's two jobs on a clock, each safe to run on several instances at once:
 * <ul>
 * <li>yesterday's digest a few minutes after midnight, Stockholm time, so each day's value exists even if
 * nobody asks for it (cron {@code tidigt.audit.digest-cron}, "-" turns it off); the first insert wins and the
 * other instances read it;</li>
 * <li>a signed checkpoint every {@code tidigt.audit.checkpoint-interval} (zero turns it off); an advisory lock
 * lets one instance take each, the others skip that turn. A checkpoint that fails is logged as an error and
 * taken at the next turn, which covers what it would have covered.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditSchedules implements SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(AuditSchedules.class);
    private final DailyDigests digests;
    private final Checkpoints checkpoints;
    private final String digestCron;
    private final Duration checkpointInterval;

    AuditSchedules(DailyDigests digests, Checkpoints checkpoints, @Value("${tidigt.audit.digest-cron}") String digestCron,
                   @Value("${tidigt.audit.checkpoint-interval}") Duration checkpointInterval) {
        this.digests = digests;
        this.checkpoints = checkpoints;
        this.digestCron = digestCron;
        this.checkpointInterval = checkpointInterval;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!"-".equals(digestCron)) {
            registrar.addCronTask(new CronTask(this::digestYesterday, new CronTrigger(digestCron, Deadlines.ZONE)));
        }
        if (!checkpointInterval.isZero() && !checkpointInterval.isNegative()) {
            registrar.addFixedDelayTask(new FixedDelayTask(this::takeCheckpoint, checkpointInterval, checkpointInterval));
        }
    }

    void digestYesterday() {
        if (digests.latestFinalDay().isBefore(digests.firstDay())) {
            return; // the store did not exist yesterday: there is no day to digest yet
        }
        DailyDigests.Digest digest = digests.get(digests.latestFinalDay());
        log.info("Daily digest of {}: {} over {} cases", digest.date(), digest.digest(), digest.cases());
    }

    void takeCheckpoint() {
        try {
            checkpoints.take();
        } catch (RuntimeException e) {
            log.error("The audit checkpoint could not be taken; the next turn covers what it would have", e);
        }
    }
}
