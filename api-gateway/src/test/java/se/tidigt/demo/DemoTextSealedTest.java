package se.tidigt.demo;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.tidigt.gateway.support.DemoCityTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo city's free text is sealed like any worker's: no extension reason in clear in any event. */
class DemoTextSealedTest extends DemoCityTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void every_demo_extension_reason_is_sealed() {
        awaitStatisticsCaughtUp();
        long extensions = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%.InvestigationExtended'",
                Long.class);
        assertThat(extensions).as("the demo city extends investigations").isPositive();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%.InvestigationExtended' "
                + "AND (coalesce(convert_from(payload, 'UTF8')::jsonb ->> 'sealedReason', '') NOT LIKE 'sealed:v1:%' "
                + "OR convert_from(payload, 'UTF8')::jsonb ->> 'reason' IS NOT NULL)", Long.class))
                .as("extensions with a reason in clear").isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM case_view WHERE document::text LIKE '%\"reason\": \"%' "
                + "AND document::text NOT LIKE '%sealed:v1:%'", Long.class)).isZero();
    }
}
