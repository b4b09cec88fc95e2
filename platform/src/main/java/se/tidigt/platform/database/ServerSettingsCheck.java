package se.tidigt.platform.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Says at start-up, in the log operators read, when the database server is set up against Tidigt's promises. */
@Component
class ServerSettingsCheck {
    private static final Logger log = LoggerFactory.getLogger(ServerSettingsCheck.class);
    private final JdbcTemplate jdbc;

    ServerSettingsCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnAboutTheServer() {
        ServerSettings.of(jdbc).warnings().forEach(warning -> log.warn("PostgreSQL: {}", warning));
    }
}
