package se.tidigt.platform.idempotency;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** Every hour, on one instance of several (db-scheduler), the expired idempotency records are removed. */
@Configuration(proxyBeanMethods = false)
class ExpiredRecordsCleanup {
    private static final Logger log = LoggerFactory.getLogger(ExpiredRecordsCleanup.class);

    @Bean
    RecurringTask<Void> idempotencyCleanup(IdempotencyRecords records) {
        return Tasks.recurring("idempotency-cleanup", FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> {
                    int removed = records.removeExpired();
                    if (removed > 0) {
                        log.info("Removed {} expired idempotency records", removed);
                    }
                });
    }
}
