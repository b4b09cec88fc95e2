package se.tidigt.audit.chain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import se.tidigt.cases.api.Deadlines;

/**
 * Computes yesterday's digest a few minutes after midnight, Stockholm time, so each day's value
 * exists even if nobody asks for it (cron {@code tidigt.audit.digest-cron}, "-" turns it off).
 * Several instances may run it: the first insert wins and the others read it.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class DigestSchedule implements SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(DigestSchedule.class);
    private final DailyDigests digests;
    private final String cron;

    DigestSchedule(DailyDigests digests, @Value("${tidigt.audit.digest-cron}") String cron) {
        this.digests = digests;
        this.cron = cron;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!"-".equals(cron)) {
            registrar.addCronTask(new CronTask(this::yesterday, new CronTrigger(cron, Deadlines.ZONE)));
        }
    }

    void yesterday() {
        if (digests.latestFinalDay().isBefore(digests.firstDay())) {
            return; // the store did not exist yesterday: there is no day to digest yet
        }
        DailyDigests.Digest digest = digests.get(digests.latestFinalDay());
        log.info("Daily digest of {}: {} over {} cases", digest.date(), digest.digest(), digest.cases());
    }
}
