package se.tidigt.demo;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.tidigt.gateway.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/** With a configured database and TIDIGT_DEMO_DATA=false (the other tests' setting) nothing synthetic is written. */
class DemoDataOffApiTest extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void with_demo_data_off_no_synthetic_event_is_written_and_the_progress_says_off() {
        assertThat(as("admin").get("/api/v1/admin/demo-data").json().path("state").asText()).isEqualTo("OFF");
        Long synthetic = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE "
                + "(convert_from(metadata, 'UTF8')::jsonb ->> 'synthetic') IS NOT NULL", Long.class);
        assertThat(synthetic).isZero();
    }
}
