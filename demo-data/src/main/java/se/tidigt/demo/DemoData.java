package se.tidigt.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.tidigt.cases.api.identity.Pseudonymiser;
import se.tidigt.platform.cluster.OncePerCluster;
import se.tidigt.query.rollout.RolloutViews;
import se.tidigt.rollout.api.District;
import se.tidigt.rollout.api.DistrictCatalogue;
import se.tidigt.rollout.api.RolloutTimeline;
import se.tidigt.rollout.api.WorkModels;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills an empty database with the synthetic city once the application is ready, on a thread of
 * its own, so the API answers meanwhile: first the rollout story, then the cases. An event store
 * that already holds anything is left alone. On by default with the embedded database; with a
 * configured one only with {@code TIDIGT_DEMO_DATA=true}.
 */
@Component
@Conditional(DemoDataSwitch.class)
class DemoData {
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final JdbcTemplate jdbc;
    private final StoryWriter writer;
    private final DistrictCatalogue districts;
    private final Pseudonymiser pseudonymiser;
    private final Clock clock;
    private final RolloutViews rollout;
    private final DemoDataProgress progress;
    private final long seed;
    private final double casesPerYear;
    private final int threads;
    private final OncePerCluster once;

    DemoData(JdbcTemplate jdbc, StoryWriter writer, DistrictCatalogue districts, Pseudonymiser pseudonymiser, Clock clock,
             RolloutViews rollout, DemoDataProgress progress, @Value("${tidigt.demo-data-seed}") long seed,
             @Value("${tidigt.demo-data-cases-per-year}") double casesPerYear,
             @Value("${tidigt.demo-data-threads}") int threads, OncePerCluster once) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.districts = districts;
        this.pseudonymiser = pseudonymiser;
        this.clock = clock;
        this.rollout = rollout;
        this.progress = progress;
        this.seed = seed;
        this.casesPerYear = casesPerYear;
        this.threads = threads;
        this.once = once;
        progress.waiting(seed);
    }

    @EventListener(ApplicationReadyEvent.class)
    void startLoading() {
        Thread thread = new Thread(this::load, "demo-data");
        thread.setDaemon(true);
        thread.start();
    }

    /** Several instances starting on one empty database: one writes the demo data, the others leave it. */
    private void load() {
        if (!once.tryRun("demo-data", this::loadIntoEmptyStore)) {
            progress.skipped("Another instance is writing the demo data.");
        }
    }

    private void loadIntoEmptyStore() {
        try {
            Long events = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE type <> 'WorkModelDefinition'",
                    Long.class);
            if (events != null && events > 0) {
                progress.skipped("The event store already holds data; demo data is written only into an empty one.");
                return;
            }
            Instant now = clock.instant();
            YearMonth lastMonth = YearMonth.now(clock.withZone(ZoneId.of("Europe/Stockholm"))).minusMonths(1);
            List<String> todays = districts.validOn(lastMonth.atEndOfMonth()).stream().map(District::code).toList();
            List<Object> story = new DemoRollout(lastMonth, todays).commands();
            progress.started(0);
            if (!writer.write(new CaseStory("rollout", null, story))) {
                progress.aborted("The rollout story was refused; see the log.");
                return;
            }
            Map<String, RolloutTimeline> timelines = new HashMap<>();
            List<CaseStory> stories = new CaseStories(seed, casesPerYear, now, districts,
                    (district, date) -> timelines.computeIfAbsent(district, rollout::timelineOf).modelInForceOn(date)
                            .orElse(WorkModels.ORDINARY_CODE), pseudonymiser).generate();
            progress.started(stories.size());
            log.info("Demo data: writing {} synthetic stories (seed {}, {} cases a year) on {} threads",
                    stories.size(), seed, casesPerYear, threads);
            writer.writeAll(stories, threads, progress);
            DemoDataProgress.Snapshot done = progress.snapshot();
            progress.finished(done.written() + " stories, " + done.commands() + " commands");
            log.info("Demo data: {} stories ({} commands) written in {} ms, {} refused", done.written(), done.commands(),
                    progress.snapshot().elapsedMillis(), done.failed());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            progress.aborted("Interrupted");
        } catch (RuntimeException e) {
            log.error("Demo data failed", e);
            progress.aborted(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
