package se.tidigt.gateway.demo;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.tidigt.cases.api.identity.Pseudonymiser;
import se.tidigt.gateway.axon.EventMetadata;
import se.tidigt.gateway.database.DeploymentMode;
import se.tidigt.query.rollout.RolloutViews;
import se.tidigt.rollout.api.District;
import se.tidigt.rollout.api.DistrictCatalogue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * Fills an empty embedded database with synthetic cases, so the demo has something to show: for
 * every district of today, a seeded mix of cases at every stage of the lifecycle over the last two
 * years. Identity numbers are generated (valid checksums, random serials), never a real person's.
 * Runs once: an event store that holds anything is left alone.
 */
@Component
@Conditional(DeploymentMode.DemoData.class)
class DemoData implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final long SEED = 20_211_001L;

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final DistrictCatalogue districts;
    private final Pseudonymiser pseudonymiser;
    private final Clock clock;
    private final RolloutViews rollout;

    DemoData(JdbcTemplate jdbc, CommandGateway commands, DistrictCatalogue districts, Pseudonymiser pseudonymiser,
             Clock clock, RolloutViews rollout) {
        this.rollout = rollout;
        this.jdbc = jdbc;
        this.commands = commands;
        this.districts = districts;
        this.pseudonymiser = pseudonymiser;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Long events = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE type <> 'WorkModelDefinition'",
                Long.class);
        if (events != null && events > 0) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        DemoRollout.commands(today).forEach(this::send);
        Random random = new Random(SEED);
        List<District> todays = districts.validOn(today);
        int cases = 0;
        for (District district : todays) {
            DemoCaseStories stories = new DemoCaseStories(district.code(), today, random, pseudonymiser,
                    rollout.timelineOf(district.code()));
            for (List<Object> story : stories.generate(24)) {
                story.forEach(this::send);
                cases++;
            }
        }
        log.info("Demo data: {} synthetic cases in {} districts", cases, todays.size());
    }

    private void send(Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.with(
                EventMetadata.ACTOR_USER, "demo-data").and(EventMetadata.ACTOR_ROLE, "PLATFORM_ADMIN")));
    }
}
