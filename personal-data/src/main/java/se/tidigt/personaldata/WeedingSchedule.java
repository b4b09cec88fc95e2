package se.tidigt.personaldata;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.tidigt.cases.api.Deadlines;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * The weeding runs every night (02:30 Stockholm time unless {@code TIDIGT_WEEDING_DAILY_AT} says
 * otherwise) for the current year, on one instance of several: db-scheduler takes a lock row in
 * PostgreSQL. Daily, so a file that falls due is weeded within a day and the year's weeding is always
 * completed within the year, as the law asks; a run with nothing due stores an empty report.
 */
@Configuration(proxyBeanMethods = false)
class WeedingSchedule {

    @Bean
    RecurringTask<Void> weedingTask(Weeding weeding, Clock clock, @Value("${tidigt.weeding.daily-at:02:30}") LocalTime at) {
        return Tasks.recurring("weeding", Schedules.daily(Deadlines.ZONE, at))
                .execute((instance, context) -> weeding.run(LocalDate.now(clock.withZone(Deadlines.ZONE)).getYear()));
    }
}
